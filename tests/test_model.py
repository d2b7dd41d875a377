"""The model against the spec and the reference fixtures (real torch, real checkpoint)."""
import json
import math
from datetime import datetime

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from backend import landsat, metadata
from backend.checkpoint import load_pretrained
from backend.model import (
    LOG2_E,
    SIZES,
    GroupedQueryAttention,
    ModelConfig,
    MoEFeedForward,
    MoEMAE,
    attention_base2,
    count_parameters,
)
from helpers import REFERENCE


@pytest.fixture(scope="module")
def fixture_expected():
    return np.load(REFERENCE / "moe_mae_S_fixture_expected.npz")


@pytest.fixture(scope="module")
def fixture_model():
    return load_pretrained(REFERENCE / "moe_mae_S_fixture_checkpoint.pth")


def fixture_inputs(expected, with_metadata=True):
    images = torch.from_numpy(expected["input_normalized"])
    if not with_metadata:
        return images, {}
    return images, {k: torch.from_numpy(expected[f"meta_{k}"]) for k in metadata.METADATA_ITEMS}


# ---------------------------------------------------------------- sizes and layout
def test_size_s_parameter_counts():
    model = MoEMAE("S")
    assert count_parameters(model.encoder) == 2_366_798
    assert count_parameters(model) == 2_537_562


def test_hidden_widths_and_expert_counts_of_size_s():
    config = SIZES["S"]
    assert [config.hidden_width(i) for i in range(15)] == [144, 138, 133, 128, 123, 118, 113, 108, 102,
                                                             97, 92, 87, 82, 77, 72]
    assert [config.num_experts(i) for i in range(15)] == [3] * 5 + [4] * 5 + [5] * 5


@pytest.mark.parametrize("size", ["S", "XS", "XXS"])
def test_every_size_builds_and_encodes(size):
    model = MoEMAE(size).eval()
    tokens = model.encode(torch.randn(2, 7, 40, 40))
    assert tokens.shape == (2, 105, SIZES[size].dim)


def test_state_dict_has_the_published_keys_and_shapes():
    published = json.loads((REFERENCE / "moe_mae_S_state_dict_shapes.json").read_text())
    state = MoEMAE("S").state_dict()
    assert set(state) == set(published)
    assert {k: list(v.shape) for k, v in state.items()} == published


def test_shared_modules_are_one_tensor():
    model = MoEMAE("S")
    moe = model.encoder.layers[0].moe
    assert moe.experts[0].V is moe.experts[2].V and moe.experts[0].W2 is moe.experts[1].W2
    assert moe.experts[0].W is not moe.experts[1].W
    assert model.patch_embed is model.encoder.patch_proj


# ---------------------------------------------------------------- the reference fixtures
@pytest.mark.parametrize("with_metadata", [True, False])
@pytest.mark.parametrize("normed", [False, True])
def test_fixture_tokens_float32(fixture_model, fixture_expected, with_metadata, normed):
    images, meta = fixture_inputs(fixture_expected, with_metadata)
    key = ("tokens_normed" if normed else "tokens_prenorm") + ("" if with_metadata else "_nometa")
    tokens = fixture_model.encode(images, **meta, normed=normed).numpy()
    assert tokens.shape == (4, 105, 144)
    assert np.abs(tokens - fixture_expected[key]).max() < 1e-4


@pytest.mark.parametrize("normed", [False, True])
def test_fixture_tokens_bfloat16(fixture_model, fixture_expected, normed):
    images, meta = fixture_inputs(fixture_expected)
    reference = fixture_expected["tokens_normed" if normed else "tokens_prenorm"]
    tokens = fixture_model.encode(images, **meta, normed=normed, precision="bfloat16").numpy()
    assert np.linalg.norm(tokens - reference) / np.linalg.norm(reference) < 2e-2


def test_fixture_normalization_and_metadata_encoding(fixture_expected):
    normalized = landsat.normalize(fixture_expected["center_crop_uint16"])
    assert np.abs(normalized - fixture_expected["input_normalized"]).max() < 1e-5
    for i, stamp in enumerate(fixture_expected["acquisition"]):
        when = datetime.fromisoformat(str(stamp))
        week, hour, lat, lon = metadata.encode_metadata(
            when, [float(fixture_expected["lat_deg"][i])], [float(fixture_expected["lon_deg"][i])])
        for name, pair in zip(metadata.METADATA_ITEMS, (week, hour, lat, lon)):
            assert np.abs(pair[0] - fixture_expected[f"meta_{name}"][i]).max() < 1e-6, name


def test_missing_metadata_is_zero_pair_not_angle_zero():
    week, hour, lat, lon = metadata.encode_metadata(None, count=3)
    for pair in (week, hour, lat, lon):
        assert pair.shape == (3, 2) and not pair.any()
    # A date without a time of day has a week but no hour.
    week, hour, _, _ = metadata.encode_metadata(datetime(2021, 1, 7).date(), count=1)
    assert np.allclose(week, [[math.sin(2 * math.pi / 52), math.cos(2 * math.pi / 52)]])
    assert not hour.any()


# ---------------------------------------------------------------- determinism
def test_inference_is_deterministic_and_independent_of_the_batch(fixture_model, fixture_expected):
    images, meta = fixture_inputs(fixture_expected)
    first = fixture_model.encode(images, **meta)
    again = fixture_model.encode(images, **meta)
    assert torch.equal(first, again)
    order = [2, 0, 3, 1]
    shuffled = fixture_model.encode(images[order], **{k: v[order] for k, v in meta.items()})
    assert torch.allclose(shuffled, first[order], atol=1e-5)
    alone = fixture_model.encode(images[1:2], **{k: v[1:2] for k, v in meta.items()})
    assert torch.allclose(alone[0], first[1], atol=1e-5)


def test_encode_refuses_training_mode_and_bad_shapes():
    model = MoEMAE("S")
    with pytest.raises(RuntimeError, match="eval mode"):
        model.encode(torch.zeros(1, 7, 40, 40))
    model.eval()
    with pytest.raises(ValueError, match=r"\(B, 7, 40, 40\).*\(1, 4, 40, 40\)"):
        model.encode(torch.zeros(1, 4, 40, 40))
    with pytest.raises(ValueError, match=r"shape \(1, 2\)"):
        model.encode(torch.zeros(1, 7, 40, 40), week=torch.zeros(2, 2))


# ---------------------------------------------------------------- the pieces, by hand
def test_attention_query_head_h_uses_group_h_mod_groups():
    torch.manual_seed(0)
    attn = GroupedQueryAttention(dim=16, heads=4, groups=2)
    x = torch.randn(2, 5, 16)
    q = attn.q_proj(x).view(2, 5, 4, 4)
    k = attn.k_proj(x).view(2, 5, 2, 4)
    v = attn.v_proj(x).view(2, 5, 2, 4)
    heads = []
    for h in range(4):
        g = h % 2
        weights = torch.softmax(q[:, :, h] @ k[:, :, g].transpose(1, 2) / math.sqrt(4), dim=-1)
        heads.append(weights @ v[:, :, g])
    expected = attn.out_proj(torch.cat(heads, dim=-1))
    assert torch.allclose(attn(x), expected, atol=1e-5)


def _moe_by_hand(moe, x, h):
    """Σ over the top k of H of softmax weight · W2(silu(W_e x) ⊙ V x), token by token."""
    out = []
    for t in range(x.shape[0]):
        values, index = h[t].topk(moe.top_k)
        weights = torch.softmax(values, dim=0)
        out.append(sum(w * moe.experts[int(e)](x[t]) for w, e in zip(weights, index)))
    return torch.stack(out)


def test_moe_inference_equals_expert_by_expert_sum():
    torch.manual_seed(1)
    moe = MoEFeedForward(dim=12, hidden=6, num_experts=4).eval()
    x = torch.randn(9, 12)
    out, loss = moe(x)
    assert torch.allclose(out, _moe_by_hand(moe, x, moe.gate.Wg(x)), atol=1e-5)
    assert loss.item() == 0.0


@pytest.mark.parametrize("top_k", [1, 2, 3])
def test_fast_moe_path_equals_expert_by_expert_sum(top_k):
    """The inference path (fused products, gathered rows, W2 once) for the spec's top-2 and
    for the general top-k branch."""
    torch.manual_seed(top_k)
    moe = MoEFeedForward(dim=12, hidden=6, num_experts=4, top_k=top_k).eval()
    x = torch.randn(33, 12)
    with torch.no_grad():
        expected = _moe_by_hand(moe, x, moe.gate.Wg(x))
        assert torch.allclose(moe.forward_inference(x, torch.float32), expected, atol=1e-5)
        fast_bf16 = moe.forward_inference(x, torch.bfloat16).float()
    assert (fast_bf16 - expected).norm() / expected.norm() < 2e-2


def test_moe_training_noise_enters_the_gate_as_spec():
    torch.manual_seed(2)
    moe = MoEFeedForward(dim=12, hidden=6, num_experts=5, dropout=0.0).train()
    x = torch.randn(7, 12)
    logits = moe.gate.Wg(x)
    torch.manual_seed(3)
    eps = torch.randn_like(logits)
    torch.manual_seed(3)  # the layer's first random draw is ε of shape (T, E)
    out, _ = moe(x)
    h = logits + eps * F.softplus(moe.gate.Wnoise(x))
    assert torch.allclose(out, _moe_by_hand(moe, x, h), atol=1e-5)


def test_balance_loss_by_hand():
    moe = MoEFeedForward(dim=4, hidden=2, num_experts=3)
    logits = torch.tensor([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]])
    scale = torch.tensor([[1.0, 0.5, 2.0], [1.0, 1.0, 0.5]])
    h = torch.tensor([[1.2, -0.3, 0.1], [0.4, 1.5, 0.6]])
    # Top 2 of H: token 0 → experts 0 (1.2), 2 (0.1); token 1 → experts 1 (1.5), 2 (0.6).
    g0 = [math.exp(1.2) / (math.exp(1.2) + math.exp(0.1)), 0.0,
          math.exp(0.1) / (math.exp(1.2) + math.exp(0.1))]
    g1 = [0.0, math.exp(1.5) / (math.exp(1.5) + math.exp(0.6)),
          math.exp(0.6) / (math.exp(1.5) + math.exp(0.6))]
    gates = torch.tensor([g0, g1])
    importance = [g0[e] + g1[e] for e in range(3)]
    # l_k (2nd largest H) and l_k1 (3rd): token 0: 0.1, -0.3; token 1: 0.6, 0.4.
    # threshold_e = l_k where H_e ≥ l_k (e is among the top 2), else l_k1.
    thresholds = [[0.1, -0.3, 0.1], [0.4, 0.6, 0.6]]
    phi = lambda z: 0.5 * (1 + math.erf(z / math.sqrt(2)))  # noqa: E731
    load = [sum(phi((logits[t, e].item() - thresholds[t][e]) / scale[t, e].item()) for t in range(2))
            for e in range(3)]

    def cv(values):
        mean = sum(values) / len(values)
        return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) / (mean + 1e-6)

    expected = 0.01 * cv(importance) + 0.01 * cv(load)
    assert moe.balance_loss(logits, h, scale, gates).item() == pytest.approx(expected, rel=1e-5)


TINY = ModelConfig("tiny", dim=12, depth=3, d_first=8, d_last=4, heads=2, groups=1, image_size=8,
                   in_chans=2, decoder_dim=6, decoder_heads=2, decoder_groups=1, decoder_hidden=4)


def test_mae_loss_follows_the_spec_formulas():
    torch.manual_seed(4)
    model = MoEMAE(TINY).train()
    images = torch.randn(3, 2, 8, 8)
    out = model(images)
    prediction, mask = out["prediction"], out["mask"]
    assert prediction.shape == (3, 4, 2 * 16) and mask.shape == (3, 4)
    assert mask.sum(dim=1).tolist() == [3.0, 3.0, 3.0]  # keep int(4 · 0.25) = 1 patch of 4
    # Target: 4 × 4 patches row-major, each ordered channel first: index c·16 + row·4 + col.
    target = torch.zeros(3, 4, 32)
    for b in range(3):
        for p in range(4):
            pr, pc = divmod(p, 2)
            for c in range(2):
                for r in range(4):
                    for col in range(4):
                        target[b, p, c * 16 + r * 4 + col] = images[b, c, pr * 4 + r, pc * 4 + col]
    sse = ((prediction - target) ** 2).sum(dim=-1)
    masked = sum(sse[b, p] for b in range(3) for p in range(4) if mask[b, p] == 1) / 9
    unmasked = sum(sse[b, p] for b in range(3) for p in range(4) if mask[b, p] == 0) / 3
    assert out["masked"].item() == pytest.approx(masked.item(), rel=1e-5)
    assert out["unmasked"].item() == pytest.approx(unmasked.item(), rel=1e-5)
    assert out["moe"].item() > 0
    expected = masked.item() + 0.1 * unmasked.item() + 0.5 * out["moe"].item()
    assert out["loss"].item() == pytest.approx(expected, rel=1e-5)


def test_gradients_reach_every_parameter():
    torch.manual_seed(5)
    model = MoEMAE("S").train()
    images = torch.randn(8, 7, 40, 40)
    meta = {k: torch.randn(8, 2) for k in metadata.METADATA_ITEMS}
    model(images, **meta)["loss"].backward()
    without = [name for name, p in model.named_parameters() if p.grad is None or not p.grad.abs().sum() > 0]
    assert without == []


# ---------------------------------------------------------------- the fast inference path
@pytest.mark.parametrize("kernel", ["auto", "sdpa", "matmul"])
def test_fast_attention_equals_the_plain_form(kernel, monkeypatch):
    torch.manual_seed(6)
    attn = GroupedQueryAttention(dim=144, heads=8, groups=4)
    x = torch.randn(3, 105, 144)
    plain = attn.train()(x)  # the training path: repeat k/v, per-head SDPA
    monkeypatch.setattr(GroupedQueryAttention, "cpu_attention", kernel)
    fast = attn.eval()(x)
    assert torch.allclose(fast, plain, atol=1e-5)
    fast_bf16 = attn.forward_inference(x, torch.bfloat16).float()
    assert (fast_bf16 - plain).norm() / plain.norm() < 2e-2


@pytest.mark.parametrize("offset", [0.0, 300.0, -300.0])
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_base2_attention_is_exact_softmax_whatever_the_score_range(offset, dtype):
    """Without the row maximum subtracted, exp2 of scores near ±300 would overflow to inf or
    underflow to 0; the function must notice and still give softmax(q kᵀ) v."""
    torch.manual_seed(7)
    q, k, v = torch.randn(2, 3, 30, 18), torch.randn(2, 3, 20, 18), torch.randn(2, 3, 20, 18)
    # A constant added to every score of a row leaves softmax unchanged: put it in a 19th dim.
    q1 = torch.cat([q, torch.full((2, 3, 30, 1), offset)], dim=-1)
    k1 = torch.cat([k, torch.ones(2, 3, 20, 1)], dim=-1)
    v1 = torch.cat([v, torch.ones(2, 3, 20, 1)], dim=-1)
    q1, k1, v1 = q1.to(dtype), k1.to(dtype), v1.to(dtype)
    # The reference starts from the same scores (rounded as the dtype rounds them): what is
    # checked is the softmax and its guards, not the rounding of q kᵀ.
    scores = (q1 @ k1.transpose(-1, -2)).double()
    expected = torch.softmax(scores / LOG2_E, dim=-1) @ v1[..., :-1].double()
    out, denominators = attention_base2(q1, k1, v1)
    got = (out / denominators).double()
    assert torch.isfinite(got).all()
    tolerance = 1e-5 if dtype == torch.float32 else 2e-2
    assert (got - expected).norm() / expected.norm() < tolerance


@pytest.mark.parametrize("kernel", ["sdpa", "matmul"])
def test_fast_attention_with_very_sharp_heads(kernel, monkeypatch):
    """Query weights 400× larger give attention scores in the hundreds, where an unguarded
    exp2 overflows; the fast path must still equal the plain form."""
    torch.manual_seed(8)
    attn = GroupedQueryAttention(dim=144, heads=8, groups=4)
    with torch.no_grad():
        attn.q_proj.weight.mul_(400)
    x = torch.randn(2, 105, 144)
    plain = attn.train()(x)
    monkeypatch.setattr(GroupedQueryAttention, "cpu_attention", kernel)
    with torch.no_grad():
        fast = attn.eval()(x)
    assert torch.isfinite(fast).all()
    assert torch.allclose(fast, plain, atol=1e-4)


def test_many_micro_batches_on_worker_threads_match_one_by_one(fixture_model, fixture_expected):
    """40 images span three micro-batches spread over the CPU workers; each row must be the
    encoding of that image alone."""
    images, meta = fixture_inputs(fixture_expected)
    index = torch.arange(40) % 4
    batch = images[index]
    batch_meta = {k: v[index] for k, v in meta.items()}
    together = fixture_model.encode(batch, **batch_meta)
    expected = torch.from_numpy(fixture_expected["tokens_prenorm"])[index]
    assert (together - expected).abs().max() < 1e-4
    assert torch.equal(together, fixture_model.encode(batch, **batch_meta))


def test_fused_weight_cache_follows_weight_changes():
    model = MoEMAE("XXS").eval()
    x = torch.randn(2, 7, 40, 40)
    before = model.encode(x)
    with torch.no_grad():
        model.encoder.layers[0].moe.V.weight.add_(0.5)
        model.encoder.layers[0].attn.q_proj.weight.mul_(2)
    after = model.encode(x)
    fresh = MoEMAE("XXS").eval()
    fresh.load_state_dict(model.state_dict())
    assert not torch.allclose(before, after)
    assert torch.allclose(after, fresh.encode(x), atol=1e-6)


def test_empty_batch_and_other_float_types():
    model = MoEMAE("XXS").eval()
    assert model.encode(torch.zeros(0, 7, 40, 40)).shape == (0, 105, 108)
    x = torch.randn(2, 7, 40, 40)
    assert torch.allclose(model.encode(x.double(), week=torch.zeros(2, 2)), model.encode(x), atol=1e-6)


def test_eval_mode_with_gradients_takes_the_plain_path():
    """Fine-tuning an eval-mode model must not silently lose gradients to the cached fast path."""
    model = MoEMAE("XXS").eval()
    x = torch.randn(2, 7, 40, 40)
    tokens, _ = model.encoder.run_layers(torch.cat([model.encoder.leading_tokens(*[torch.zeros(2, 2)] * 4),
                                                    model.encoder.embed_patches(x)], dim=1))
    tokens.sum().backward()
    assert model.encoder.layers[0].attn.q_proj.weight.grad is not None
    assert model.encoder.layers[0].moe.experts[0].W.weight.grad is not None
