"""The MoE-MAE of arXiv 2509.10919, as docs/moe-mae-spec.md states it.

Read top-down: configuration, the mixture-of-experts feed-forward, grouped-query attention,
the transformer layer, the encoder, then the masked autoencoder (masking, decoder, loss).

Shapes use B = images, N = tokens per image, D = model width, T = tokens in a batch (B·N),
E = experts in a layer, dh = expert hidden width. The 105 encoder tokens are, in order,
[week, hour, lat, lon, CLS, patch 0 … patch 99] with patches in row-major order of the
10 × 10 grid of 4 × 4 px squares.

Inference is deterministic: no gate noise and no dropout outside training, so the same input
gives the same embedding, whatever batch it sits in (up to float rounding).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from .landsat import NORM_MEAN, NORM_STD, NUM_BANDS, PATCH_SIZE_PX, TOKEN_PATCH_PX
from .runtime import CPU_MICRO_BATCH, keep_freed_memory_for_reuse, resolve_precision, run_on_cpu_workers
from .tokens import NUM_LEADING_TOKENS


# --------------------------------------------------------------------------- configuration
@dataclass(frozen=True)
class ModelConfig:
    """One model size. The decoder is the same for all sizes."""

    size: str
    dim: int
    depth: int
    d_first: int  # expert hidden width of the first layer
    d_last: int  # … and of the last
    heads: int
    groups: int  # key/value groups of grouped-query attention
    top_k: int = 2
    image_size: int = PATCH_SIZE_PX
    patch_size: int = TOKEN_PATCH_PX
    in_chans: int = NUM_BANDS
    mask_ratio: float = 0.75
    decoder_dim: int = 108
    decoder_depth: int = 2
    decoder_heads: int = 6
    decoder_groups: int = 3
    decoder_experts: int = 3
    decoder_hidden: int = 54
    expert_dropout: float = 0.1

    @property
    def num_patches(self) -> int:
        return (self.image_size // self.patch_size) ** 2

    @property
    def num_tokens(self) -> int:
        return NUM_LEADING_TOKENS + self.num_patches

    def hidden_width(self, layer: int) -> int:
        """Expert hidden width of encoder layer ``layer`` (0-based): linear from d_first to d_last."""
        d = self.depth
        return int(((d - 1 - layer) / (d - 1)) * (self.d_first - self.d_last)) + self.d_last

    def num_experts(self, layer: int) -> int:
        """3, 4, 5 experts in the first, middle and last third of the depth."""
        stage = min(layer // (self.depth // 3), 2)
        return 3 + stage


SIZES = {
    "S": ModelConfig("S", dim=144, depth=15, d_first=144, d_last=72, heads=8, groups=4),
    "XS": ModelConfig("XS", dim=128, depth=12, d_first=96, d_last=32, heads=8, groups=4),
    "XXS": ModelConfig("XXS", dim=108, depth=9, d_first=81, d_last=27, heads=6, groups=3),
}


# --------------------------------------------------------------------------- inference helpers
class FusedLinear:
    """Several Linear layers on the same input as one matrix product (inference only).

    The concatenated weight and bias are cached per compute dtype and rebuilt whenever one of
    the source parameters changes (moved, reloaded or trained: its storage or version). A model
    kept loaded between runs (``backend.model_cache``) may serve two runs at once, in float32 and
    bfloat16: each dtype has its own entry, replaced in one assignment, so neither run ever sees
    the other's weights.
    """

    def __init__(self):
        self._cache: dict = {}  # dtype → (key, (weight, bias))
        self._params = None

    def __call__(self, x, linears, dtype: torch.dtype, scales=None, ones_after_groups=None):
        """``cat([scale_i · linear_i(x)], dim=-1)`` computed in ``dtype``; ``scales`` default to 1
        and are folded into the cached weights. ``linears`` must be the same layers every call.

        ``ones_after_groups[i] = G`` splits linear i's outputs into G equal groups and follows
        each with a constant 1 (a zero weight row, bias 1): multiplied by a matrix later, that
        column gives the matrix's row sums for free.
        """
        if self._params is None:
            self._params = [p for linear in linears for p in (linear.weight, linear.bias)]
        key = (scales, ones_after_groups, [(p.data_ptr(), p._version) for p in self._params])
        cached = self._cache.get(dtype)
        if cached is None or cached[0] != key:
            scales = scales or [1.0] * len(linears)
            ones_after_groups = ones_after_groups or [0] * len(linears)
            with torch.no_grad():
                blocks = [_linear_block(linear, s, groups)
                          for linear, s, groups in zip(linears, scales, ones_after_groups)]
                weight = torch.cat([w for w, _ in blocks]).to(dtype)
                bias = torch.cat([b for _, b in blocks]).to(dtype)
            cached = self._cache[dtype] = (key, (weight, bias))
        return F.linear(x if x.dtype == dtype else x.to(dtype), *cached[1])


def _linear_block(linear: nn.Linear, scale: float, ones_after_groups: int):
    """(weight, bias) of ``scale · linear``, with a constant-1 output after each of
    ``ones_after_groups`` equal groups of outputs when that is not 0."""
    weight, bias = linear.weight * scale, linear.bias * scale
    if ones_after_groups:
        g = ones_after_groups
        weight = torch.cat([weight.view(g, -1, weight.shape[1]), weight.new_zeros(g, 1, weight.shape[1])], 1)
        bias = torch.cat([bias.view(g, -1), bias.new_ones(g, 1)], 1)
    return weight.reshape(-1, linear.in_features), bias.reshape(-1)


LOG2_E = 1.4426950408889634


def attention_base2(q: torch.Tensor, k: torch.Tensor, v1: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """softmax(q kᵀ) v with q pre-scaled so that q kᵀ is in log2 units (base-2 softmax).

    q: (…, M, hd) and k: (…, N, hd) in the compute dtype; v1: (…, N, hd + 1), the values with a
    last column of ones. Returns the unnormalised output (…, M, hd) and the softmax denominators
    (…, M, 1), in the compute dtype (the products round to it once); their quotient is the
    attention output. Dividing them in bfloat16 gives the same bits as in float32: CPU kernels
    compute a bfloat16 quotient in float32 and round once.

    The column of ones makes the product with v sum each row of weights, and the M × hd output
    is divided instead of the M × N weights, which saves two passes over the largest tensor.
    Softmax is shift-invariant: the usual subtraction of the row maximum only guards against
    overflow and underflow, so it is skipped when the row sums show neither happened, and done
    when they do not.
    """
    scores = torch.matmul(q, k.transpose(-1, -2))  # (…, M, N)
    out = torch.matmul(scores.exp2_(), v1)  # exp2 runs in float32 and rounds once to the compute dtype
    low, high = torch.aminmax(out[..., -1:])
    # Every row sum in [2^-90, 2^64]: no exp2 overflowed, the products with v cannot, and the
    # largest term of each row is ≥ 2^-97, so terms flushed to zero (< 2^-126) weigh < 2^-29.
    if not (2.0**-90 <= float(low) and float(high) <= 2.0**64):
        scores = torch.matmul(q, k.transpose(-1, -2)).float()
        weights = scores.sub_(scores.amax(dim=-1, keepdim=True)).exp2_()
        out = torch.matmul(weights.to(v1.dtype), v1)
    return out[..., :-1], out[..., -1:]


def compute_dtype(x: torch.Tensor) -> torch.dtype:
    """The dtype matrix products run in for ``x``: autocast's when it is on, else x's own."""
    if torch.is_autocast_enabled(x.device.type):
        return torch.get_autocast_dtype(x.device.type)
    return x.dtype


# --------------------------------------------------------------------------- mixture of experts
class Expert(nn.Module):
    """SwiGLU expert: W2(silu(W x) ⊙ V x). V and W2 are the layer's shared modules.

    Kept as a module so the state dict has the published names (``experts.e.W/V/W2``); the
    forward pass of :class:`MoEFeedForward` runs all experts batched instead of calling these.
    """

    def __init__(self, W: nn.Linear, V: nn.Linear, W2: nn.Linear):  # noqa: N803 - published names
        super().__init__()
        self.W, self.V, self.W2 = W, V, W2

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.W2(F.silu(self.W(x)) * self.V(x))


class NoisyTopKGate(nn.Module):
    """Gate logits Wg x and noise scale softplus(Wnoise x), both (T, E)."""

    def __init__(self, dim: int, num_experts: int):
        super().__init__()
        self.Wg = nn.Linear(dim, num_experts)
        self.Wnoise = nn.Linear(dim, num_experts)


class MoEFeedForward(nn.Module):
    """Noisy top-k mixture of SwiGLU experts with shared V and W2.

    Training: H = logits + ε·softplus(Wnoise x); the top-k of H get softmax weights over those
    k values; dropout acts on each chosen expert's output. Inference: H = logits, and since
    V and W2 are shared and the weights sum to 1, Σ g_e W2(a_e) = W2(Σ g_e a_e): V and W2 run
    once per token, and all W_e run as one matrix product.
    """

    def __init__(self, dim: int, hidden: int, num_experts: int, top_k: int = 2, dropout: float = 0.1):
        super().__init__()
        self.num_experts, self.top_k, self.hidden = num_experts, top_k, hidden
        V = nn.Linear(dim, hidden)  # noqa: N806
        W2 = nn.Linear(hidden, dim)  # noqa: N806
        self.experts = nn.ModuleList(Expert(nn.Linear(dim, hidden), V, W2) for _ in range(num_experts))
        self.gate = NoisyTopKGate(dim, num_experts)
        self.dropout = nn.Dropout(dropout)

    @property
    def V(self) -> nn.Linear:  # noqa: N802
        return self.experts[0].V

    @property
    def W2(self) -> nn.Linear:  # noqa: N802
        return self.experts[0].W2

    def _expert_activations(self, x):
        """silu(W_e x) for every expert at once: (T, D) → (T, E, dh)."""
        weight = torch.cat([e.W.weight for e in self.experts])  # (E·dh, D)
        bias = torch.cat([e.W.bias for e in self.experts])
        return F.silu(F.linear(x, weight, bias)).view(x.shape[0], self.num_experts, self.hidden)

    def forward_inference(self, x: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
        """The same function as :meth:`forward` in eval mode, faster: (T, D) → (T, D) in ``dtype``.

        One matrix product gives every expert's W_e x and the shared V x, a small one the gate
        logits; only the chosen experts' rows are gathered and go through silu; W2 runs once
        on their weighted sum.
        """
        if not hasattr(self, "_fused"):
            self._fused, self._fused_gate, self._fused_w2 = FusedLinear(), FusedLinear(), FusedLinear()
        e, dh, k = self.num_experts, self.hidden, self.top_k
        t = x.shape[0]
        x = x.to(dtype)  # once, for both products below
        # [W_1 x … W_E x, V x] per token: as (T·(E+1), dh) rows, expert e of token i is row i·(E+1) + e.
        fused = self._fused(x, [*(expert.W for expert in self.experts), self.V], dtype)  # (T, (E+1)·dh)
        logits = self._fused_gate(x, [self.gate.Wg], dtype).float()  # (T, E)
        top_values, top_index = logits.topk(k, dim=-1)  # (T, k)
        rows = top_index.add_(self._row_offsets(t, x.device))
        # One contiguous row copy per choice: far faster on CPUs than indexing (T, E, dh) by pairs.
        chosen = F.silu(fused.view(-1, dh).index_select(0, rows.view(-1)).view(t, k, dh))  # (T, k, dh)
        if k == 2:
            # softmax over two values is sigmoid of their difference; lerp forms w0·a0 + (1 − w0)·a1.
            w0 = torch.sigmoid(top_values[:, :1] - top_values[:, 1:]).to(chosen.dtype)
            mixed = torch.lerp(chosen[:, 1], chosen[:, 0], w0)
        else:
            mixed = (chosen * top_values.softmax(dim=-1).to(chosen.dtype).unsqueeze(-1)).sum(dim=1)
        v = fused[:, e * dh:]  # (T, dh), V x
        return self._fused_w2(mixed.mul_(v), [self.W2], dtype)

    def _row_offsets(self, t: int, device: torch.device) -> torch.Tensor:
        """(T, 1): token i's first row, i·(E+1), in the fused product seen as (T·(E+1), dh) rows.
        Kept per (T, device): every micro-batch of a scene has the same T."""
        if not hasattr(self, "_offsets"):
            self._offsets: dict = {}
        offsets = self._offsets.get((t, device))
        if offsets is None:
            e = self.num_experts
            offsets = torch.arange(0, t * (e + 1), e + 1, device=device).unsqueeze(1)
            if len(self._offsets) > 8:  # batches of many sizes: keep a few
                self._offsets.clear()
            self._offsets[(t, device)] = offsets
        return offsets

    def forward(self, x: torch.Tensor, with_balance_loss: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
        """x: (T, D) tokens. Returns (T, D) and the load-balancing loss (a scalar, 0 if not asked)."""
        if not self.training and not with_balance_loss and not torch.is_grad_enabled():
            return self.forward_inference(x, compute_dtype(x)), x.new_zeros(())
        logits = self.gate.Wg(x)  # (T, E)
        # The noise scale feeds the training noise and the balance loss; inference needs neither.
        noise_scale = F.softplus(self.gate.Wnoise(x)) if self.training or with_balance_loss else None
        h = logits + torch.randn_like(logits) * noise_scale if self.training else logits
        top_values, top_index = h.topk(self.top_k, dim=-1)  # (T, k)
        top_weights = top_values.softmax(dim=-1)
        # In top_weights' dtype, not logits': CUDA's autocast runs softmax in float32 and the
        # gate's product in bfloat16 (the CPU's keeps both in bfloat16).
        gates = logits.new_zeros(logits.shape, dtype=top_weights.dtype).scatter(1, top_index, top_weights)
        v = self.V(x)  # (T, dh), once per token: V is shared
        act = self._expert_activations(x)  # (T, E, dh)
        if self.training and self.dropout.p > 0:
            # Dropout acts on each chosen expert's own output W2(a_e), so W2 runs per choice.
            chosen = act.gather(1, top_index[..., None].expand(-1, -1, self.hidden)) * v[:, None]
            out = (self.dropout(self.W2(chosen)) * top_weights[..., None]).sum(dim=1)
        else:
            out = self.W2(torch.einsum("te,teh->th", gates, act) * v)
        loss = self.balance_loss(logits, h, noise_scale, gates) if with_balance_loss else logits.new_zeros(())
        return out, loss

    def balance_loss(self, logits: torch.Tensor, h: torch.Tensor, noise_scale: torch.Tensor,
                     gates: torch.Tensor) -> torch.Tensor:
        """0.01·CV(importance) + 0.01·CV(load), the reference's form (spec, "Load-balancing loss")."""
        importance = gates.sum(dim=0)  # (E,)
        k = self.top_k
        top = h.topk(min(k + 1, self.num_experts), dim=-1).values
        l_k = top[:, k - 1: k]  # k-th largest, (T, 1)
        l_k1 = top[:, k: k + 1] if self.num_experts > k else l_k
        threshold = torch.where(h >= l_k, l_k, l_k1)
        z = (logits - threshold) / noise_scale
        load = (0.5 * (1 + torch.erf(z / math.sqrt(2)))).sum(dim=0)  # Σ_tokens Φ(z), (E,)
        return 0.01 * coefficient_of_variation(importance) + 0.01 * coefficient_of_variation(load)


def coefficient_of_variation(v: torch.Tensor) -> torch.Tensor:
    """Population standard deviation over mean (+1e-6)."""
    return v.std(unbiased=False) / (v.mean() + 1e-6)


# --------------------------------------------------------------------------- attention
class GroupedQueryAttention(nn.Module):
    """Multi-head attention with fewer key/value heads than query heads.

    Query head h uses key/value group (h mod groups): the reference repeats the whole block of
    groups, not each group in place (h div (heads/groups)), and the published weights only
    load correctly this way.
    """

    #: How inference computes attention on a CPU: "sdpa" (PyTorch's kernel), "matmul" (explicit
    #: products and a base-2 softmax), or "auto": SDPA in float32, explicit in bfloat16, which
    #: is what measured fastest on each (`python -m backend bench` reports both).
    cpu_attention = "auto"

    def __init__(self, dim: int, heads: int, groups: int):
        super().__init__()
        self.heads, self.groups, self.head_dim = heads, groups, dim // heads
        self.q_proj = nn.Linear(dim, dim)
        self.k_proj = nn.Linear(dim, groups * self.head_dim)
        self.v_proj = nn.Linear(dim, groups * self.head_dim)
        self.out_proj = nn.Linear(dim, dim)

    def forward_inference(self, x: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
        """The same function as :meth:`forward`, faster: one fused q/k/v product, no repeated k/v.

        The query heads sharing group g (g, g + G, g + 2G, …) are stacked along the sequence, so
        each group's keys and values are used once by a single attention call of r·N queries.
        """
        if not hasattr(self, "_fused"):
            self._fused, self._fused_out = FusedLinear(), FusedLinear()
        b, n, _ = x.shape
        g, hd = self.groups, self.head_dim
        r = self.heads // g  # query heads per group
        explicit = x.device.type == "cpu" and (
            self.cpu_attention == "matmul" or (self.cpu_attention == "auto" and dtype != torch.float32))
        # The 1/sqrt(hd) attention scale is folded into the cached query weights, and for the
        # explicit softmax also log2(e), so that exp2 (several times faster than exp on CPUs) serves.
        q_scale = self.head_dim ** -0.5 * (LOG2_E if explicit else 1.0)
        d, gd = self.heads * hd, g * hd
        # For the explicit softmax each group's values get a column of ones (see attention_base2).
        qkv = self._fused(x, [self.q_proj, self.k_proj, self.v_proj], dtype,
                          [q_scale, 1.0, 1.0],
                          [0, 0, g if explicit else 0])  # (B, N, H·hd + G·hd + G·(hd + 1))
        # head h = i·G + g  →  (B, G, i, N, hd)  →  (B, G, r·N, hd)
        q = qkv[..., :d].view(b, n, r, g, hd).permute(0, 3, 2, 1, 4).reshape(b, g, r * n, hd)
        k = qkv[..., d:d + gd].view(b, n, g, hd).transpose(1, 2)  # (B, G, N, hd)
        v = qkv[..., d + gd:].view(b, n, g, -1).transpose(1, 2)  # (B, G, N, hd [+ 1])
        if explicit:
            out, denominators = attention_base2(q, k, v)  # (B, G, r·N, hd), (B, G, r·N, 1)
            # Normalise and return to head order (B, N, r, G, hd) = (B, N, H·hd) in one pass.
            normalised = torch.empty(b, n, r, g, hd, dtype=dtype, device=x.device)
            torch.div(out.view(b, g, r, n, hd).permute(0, 3, 2, 1, 4),
                      denominators.view(b, g, r, n, 1).permute(0, 3, 2, 1, 4), out=normalised)
            out = normalised.view(b, n, d)
        else:
            out = F.scaled_dot_product_attention(q, k, v, scale=1.0)  # (B, G, r·N, hd)
            out = out.view(b, g, r, n, hd).permute(0, 3, 2, 1, 4).reshape(b, n, d)  # back to head order
        return self._fused_out(out, [self.out_proj], dtype)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (B, N, D) → (B, N, D)."""
        if not self.training and not torch.is_grad_enabled():  # the fast path's cached weights carry no grad
            return self.forward_inference(x, compute_dtype(x))
        b, n, _ = x.shape
        q = self.q_proj(x).view(b, n, self.heads, self.head_dim).transpose(1, 2)  # (B, H, N, hd)
        k = self.k_proj(x).view(b, n, self.groups, self.head_dim).transpose(1, 2)  # (B, G, N, hd)
        v = self.v_proj(x).view(b, n, self.groups, self.head_dim).transpose(1, 2)
        repeats = self.heads // self.groups
        k = k.repeat(1, repeats, 1, 1)  # head h ↔ group h mod G
        v = v.repeat(1, repeats, 1, 1)
        out = F.scaled_dot_product_attention(q, k, v)  # scale 1/sqrt(head_dim), no mask
        return self.out_proj(out.transpose(1, 2).reshape(b, n, -1))


# --------------------------------------------------------------------------- transformer layer
class MoETransformerLayer(nn.Module):
    """Pre-norm: x + Attn(LN1 x), then x + MoE(LN2 x)."""

    def __init__(self, dim: int, heads: int, groups: int, hidden: int, num_experts: int, top_k: int = 2,
                 dropout: float = 0.1):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-5)
        self.attn = GroupedQueryAttention(dim, heads, groups)
        self.norm2 = nn.LayerNorm(dim, eps=1e-5)
        self.moe = MoEFeedForward(dim, hidden, num_experts, top_k, dropout)

    def forward_inference(self, x: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
        """Eval-mode forward with matrix products in ``dtype``; x (B, N, D) stays float32.

        Like autocast: the residual stream and LayerNorm stay in float32, the products and
        attention run in ``dtype``; but the bfloat16 weights are cached, not cast on every call.
        """
        x = x + self.attn.forward_inference(self.norm1(x), dtype)  # a new tensor: the caller's x is kept
        b, n, d = x.shape
        return x.add_(self.moe.forward_inference(self.norm2(x).view(b * n, d), dtype).view(b, n, d))

    def forward(self, x: torch.Tensor, with_balance_loss: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
        """x: (B, N, D) → (B, N, D), load-balancing loss."""
        x = x + self.attn(self.norm1(x))
        b, n, d = x.shape
        moe_out, loss = self.moe(self.norm2(x).reshape(b * n, d), with_balance_loss)
        return x + moe_out.view(b, n, d), loss


# --------------------------------------------------------------------------- encoder
class MoEEncoder(nn.Module):
    """Patch embedding + four metadata tokens + CLS + positions → 15 MoE layers → LayerNorm."""

    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        d = config.dim
        self.patch_proj = nn.Conv2d(config.in_chans, d, kernel_size=config.patch_size,
                                    stride=config.patch_size)
        self.week_proj = nn.Linear(2, d)
        self.hour_proj = nn.Linear(2, d)
        self.lat_proj = nn.Linear(2, d)
        self.lon_proj = nn.Linear(2, d)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d))
        self.pos_embed = nn.Parameter(torch.zeros(1, config.num_tokens, d))
        self.layers = nn.ModuleList(
            MoETransformerLayer(d, config.heads, config.groups, config.hidden_width(i), config.num_experts(i),
                                config.top_k, config.expert_dropout)
            for i in range(config.depth))
        self.norm = nn.LayerNorm(d, eps=1e-5)
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        nn.init.trunc_normal_(self.cls_token, std=0.02)

    def embed_patches(self, images: torch.Tensor) -> torch.Tensor:
        """(B, C, 40, 40) z-scored images → (B, 100, D) patch tokens with their positions."""
        tokens = self.patch_proj(images).flatten(2).transpose(1, 2)
        return tokens + self.pos_embed[:, NUM_LEADING_TOKENS:]

    def leading_tokens(self, week: torch.Tensor | None, hour: torch.Tensor | None, lat: torch.Tensor | None,
                       lon: torch.Tensor | None) -> torch.Tensor:
        """Four (B, 2) metadata pairs → (B, 5, D): [week, hour, lat, lon, CLS] with positions."""
        meta = torch.stack([self.week_proj(week), self.hour_proj(hour), self.lat_proj(lat),
                            self.lon_proj(lon)], dim=1)
        cls = self.cls_token.expand(meta.shape[0], -1, -1)
        return torch.cat([meta, cls], dim=1) + self.pos_embed[:, :NUM_LEADING_TOKENS]

    def run_layers(self, x: torch.Tensor,
                   with_balance_loss: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
        """(B, N, D) → final tokens before the LayerNorm, and the summed balance loss."""
        total = x.new_zeros(())
        for layer in self.layers:
            x, loss = layer(x, with_balance_loss)
            total = total + loss
        return x, total


# --------------------------------------------------------------------------- masked autoencoder
def _missing_to_zeros(pair, batch: int, like):
    """A (B, 2) metadata pair as a tensor, or zeros (the encoding of 'missing') for None."""
    if pair is None:
        return like.new_zeros(batch, 2)
    pair = torch.as_tensor(pair, dtype=like.dtype, device=like.device)
    if pair.shape != (batch, 2):
        raise ValueError(f"a metadata pair must have shape ({batch}, 2), got {tuple(pair.shape)}")
    return pair


class MoEMAE(nn.Module):
    """The masked autoencoder around :class:`MoEEncoder`; its :meth:`encode` gives embeddings."""

    def __init__(self, config: ModelConfig | str = "S"):
        super().__init__()
        config = SIZES[config] if isinstance(config, str) else config
        self.config = config
        self.encoder = MoEEncoder(config)
        # The published checkpoint holds the patch embedding twice; it is one module.
        self.patch_embed = self.encoder.patch_proj
        dd = config.decoder_dim
        self.decoder_embed = nn.Linear(config.dim, dd)
        self.mask_token = nn.Parameter(torch.zeros(1, 1, dd))
        self.decoder_pos_embed = nn.Parameter(torch.zeros(1, config.num_patches, dd))
        self.decoder_layers = nn.ModuleList(
            MoETransformerLayer(dd, config.decoder_heads, config.decoder_groups, config.decoder_hidden,
                                config.decoder_experts, config.top_k, config.expert_dropout)
            for _ in range(config.decoder_depth))
        self.decoder_norm = nn.LayerNorm(dd, eps=1e-5)
        self.decoder_pred = nn.Linear(dd, config.patch_size ** 2 * config.in_chans)
        nn.init.trunc_normal_(self.mask_token, std=0.02)
        nn.init.trunc_normal_(self.decoder_pos_embed, std=0.02)
        #: (mean, std) per band to z-score raw digital numbers with; a checkpoint may say otherwise.
        self.normalization = (NORM_MEAN, NORM_STD)
        #: What the checkpoint this model came from says about itself ({} for a fresh model).
        self.checkpoint_info: dict = {}

    # ---- embeddings (inference)
    def encode(self, images: torch.Tensor, week: torch.Tensor | None = None,
               hour: torch.Tensor | None = None, lat: torch.Tensor | None = None,
               lon: torch.Tensor | None = None, normed: bool = False,
               precision: str = "float32") -> torch.Tensor:
        """Final encoder tokens of whole (unmasked) images.

        Args:
            images: (B, 7, 40, 40) float, SR_B1…SR_B7 already z-scored (``landsat.normalize``).
            week, hour, lat, lon: (B, 2) (sin, cos) pairs from ``backend.metadata``, or None
                for "missing" (encoded as (0, 0)).
            normed: False (default) gives the tokens before the encoder's final LayerNorm, as
                the published linear probes used; True gives them after it.
            precision: "float32" (exact), "bfloat16" (matrix products and attention in
                bfloat16, the residual stream and LayerNorms in float32; faster on CUDA and on
                CPUs with bfloat16 instructions), or "auto" (bfloat16 where supported).

        Returns:
            (B, 105, D) float32 tokens: [week, hour, lat, lon, CLS, patch 0 … patch 99].
        """
        if self.training:
            raise RuntimeError("encode() gives deterministic embeddings and needs eval mode: call "
                               "model.eval()")
        self.check_images(images)
        dtype = resolve_precision(images.device, precision)
        images = images.float()  # first: the metadata pairs take the images' dtype
        b = images.shape[0]
        pairs = [_missing_to_zeros(p, b, images) for p in (week, hour, lat, lon)]
        if b == 0:
            return images.new_zeros(0, self.config.num_tokens, self.config.dim)

        def encode_slice(chunk: slice):
            with torch.inference_mode():
                x = torch.cat([self.encoder.leading_tokens(*(p[chunk] for p in pairs)),
                               self.encoder.embed_patches(images[chunk])], dim=1)
                for layer in self.encoder.layers:
                    x = layer.forward_inference(x, dtype)
                return self.encoder.norm(x) if normed else x

        if images.device.type != "cpu":
            return encode_slice(slice(0, b))  # a GPU wants the whole batch at once
        keep_freed_memory_for_reuse()
        chunks = [slice(start, start + CPU_MICRO_BATCH) for start in range(0, b, CPU_MICRO_BATCH)]
        parts = run_on_cpu_workers(encode_slice, chunks)
        return torch.cat(parts) if len(parts) > 1 else parts[0]

    def check_images(self, images: torch.Tensor) -> None:
        """Raise ValueError unless ``images`` is (B, 7, 40, 40) floating point."""
        c = self.config
        expected = (c.in_chans, c.image_size, c.image_size)
        if images.dim() != 4 or tuple(images.shape[1:]) != expected or not images.is_floating_point():
            raise ValueError(f"images must be a float tensor (B, {', '.join(map(str, expected))}) of "
                             f"z-scored SR_B1…SR_B7 tiles; got {images.dtype} {tuple(images.shape)}")

    # ---- masked-autoencoder training
    def random_masking(self, batch: int, device: torch.device, generator: torch.Generator | None = None
                       ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Per image, keep int(100·(1-mask_ratio)) = 25 patches chosen by argsort of uniform noise.

        Returns ids_keep (B, 25), ids_restore (B, 100) and mask (B, 100) with 1 = masked.
        """
        n = self.config.num_patches
        keep = int(n * (1 - self.config.mask_ratio))
        noise = torch.rand(batch, n, device=device, generator=generator)
        ids_shuffle = noise.argsort(dim=1)
        ids_restore = ids_shuffle.argsort(dim=1)
        mask = torch.ones(batch, n, device=device)
        mask[:, :keep] = 0
        return ids_shuffle[:, :keep], ids_restore, mask.gather(1, ids_restore)

    def patchify(self, images: torch.Tensor) -> torch.Tensor:
        """(B, C, 40, 40) → (B, 100, C·16): 4 × 4 squares row-major, values channel first."""
        p = self.config.patch_size
        return F.unfold(images, kernel_size=p, stride=p).transpose(1, 2)

    def forward_encoder(self, images: torch.Tensor, pairs: list,
                        ids_keep: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Encode the kept patches: (B, 5 + 25, D) after the final LayerNorm, and the balance loss."""
        patches = self.encoder.embed_patches(images)  # (B, 100, D)
        kept = patches.gather(1, ids_keep[..., None].expand(-1, -1, patches.shape[-1]))
        x = torch.cat([self.encoder.leading_tokens(*pairs), kept], dim=1)
        x, balance = self.encoder.run_layers(x, with_balance_loss=True)
        return self.encoder.norm(x), balance

    def forward_decoder(self, latent: torch.Tensor, ids_restore: torch.Tensor) -> torch.Tensor:
        """(B, 30, D) → predicted patches (B, 100, C·16)."""
        x = self.decoder_embed(latent)  # (B, 30, dd)
        b, n_lead = x.shape[0], NUM_LEADING_TOKENS
        kept = x[:, n_lead:]
        masks = self.mask_token.expand(b, ids_restore.shape[1] - kept.shape[1], -1)
        patches = torch.cat([kept, masks], dim=1)  # shuffled order
        patches = patches.gather(1, ids_restore[..., None].expand(-1, -1, x.shape[-1]))  # grid order
        x = torch.cat([x[:, :n_lead], patches + self.decoder_pos_embed], dim=1)
        for layer in self.decoder_layers:
            # Decoder balance losses are computed by the reference but not used in the loss.
            x, _ = layer(x)
        return self.decoder_pred(self.decoder_norm(x)[:, n_lead:])

    def forward(self, images: torch.Tensor, week: torch.Tensor | None = None,
                hour: torch.Tensor | None = None, lat: torch.Tensor | None = None,
                lon: torch.Tensor | None = None, generator: torch.Generator | None = None) -> dict:
        """Masked-autoencoder loss for a batch of z-scored images (B, 7, 40, 40).

        Returns a dict: ``loss`` = masked + 0.1·unmasked + 0.5·moe, and its parts. ``masked``
        is the sum of squared errors over each masked patch's 112 values divided by the number
        of masked patches (``unmasked`` likewise); ``moe`` is the encoder layers' summed
        load-balancing loss. Also ``prediction`` (B, 100, 112) and ``mask`` (B, 100), 1 = masked.
        """
        self.check_images(images)
        b = images.shape[0]
        pairs = [_missing_to_zeros(p, b, images) for p in (week, hour, lat, lon)]
        ids_keep, ids_restore, mask = self.random_masking(b, images.device, generator)
        latent, moe = self.forward_encoder(images, pairs, ids_keep)
        prediction = self.forward_decoder(latent, ids_restore)
        sse = (prediction.float() - self.patchify(images).float()).pow(2).sum(dim=-1)  # (B, 100)
        masked = (sse * mask).sum() / mask.sum()
        unmasked = (sse * (1 - mask)).sum() / (1 - mask).sum()
        loss = masked + 0.1 * unmasked + 0.5 * moe
        return {"loss": loss, "masked": masked, "unmasked": unmasked, "moe": moe,
                "prediction": prediction, "mask": mask}


def count_parameters(module: nn.Module) -> int:
    """Parameters, each shared tensor counted once."""
    return sum(p.numel() for p in module.parameters())
