"""Accuracy and area from a stratified random sample: the estimators, in pure NumPy.

A sample unit is a pixel drawn at random within its stratum; it carries its stratum, the class
the map gives it and the class a person gave it (the reference). From those and the number of
pixels in each stratum come the error matrix in proportions of area, the overall, user's and
producer's accuracies, and each class's share of the area, each with its standard error.

One estimator serves both designs:

- strata that are the map classes (Olofsson et al. 2013, RSE 129:122-131; Olofsson et al. 2014,
  RSE 148:42-57, eqs. 2-10);
- strata that differ from the map classes, e.g. a sample drawn on an older map (Stehman 2014,
  IJRS 35:4923-4939, eqs. 3-28).

Stehman's estimators are stratified means of an indicator per sample unit (a proportion of area)
and stratified ratios of two (an accuracy); with the map classes as strata they reduce to
Olofsson's formulas term by term. Variances leave out the finite-population correction
(1 - n_h/N_h), as Olofsson et al. (2014) do: a map's strata hold thousands to millions of pixels
per sampled one, so it is 1 to every printed digit.

A stratum with fewer than 2 sample units has no sample variance: any standard error that needs
it is None (and the caller says so); a stratum with none cannot be estimated at all and is left
out of the population (the caller says so too).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: The standard normal quantile of a two-sided 95 % interval: ci95 is Z95 × se.
Z95 = 1.96


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its standard error; either is None where it is undefined."""

    estimate: float | None
    se: float | None

    @property
    def ci95(self) -> float | None:
        """The half-width of the 95 % confidence interval, Z95 × se."""
        return None if self.se is None else Z95 * self.se

    def scaled(self, factor: float) -> Estimate:
        """The same estimate in other units (a proportion of area × the area)."""
        return Estimate(None if self.estimate is None else self.estimate * factor,
                        None if self.se is None else self.se * factor)

    def as_dict(self) -> dict:
        return {"estimate": self.estimate, "se": self.se, "ci95": self.ci95}


@dataclass
class Sample:
    """A stratified random sample, as class and stratum indices.

    ``strata``, ``mapped``, ``reference``: (n,) ints: each unit's stratum (0 … H-1), map class
    and reference class (0 … K-1). ``stratum_pixels``: (H,) the pixels N_h of each stratum.
    ``strata_are_map_classes``: stratum h is map class h (Olofsson's design), so that a unit of
    stratum h is mapped as h and indicators of another map class are zero there by design.
    """

    strata: np.ndarray
    mapped: np.ndarray
    reference: np.ndarray
    stratum_pixels: np.ndarray
    n_classes: int
    strata_are_map_classes: bool = True

    def __post_init__(self):
        self.strata, self.mapped, self.reference = (np.asarray(a, dtype=np.int64).ravel() for a in
                                                    (self.strata, self.mapped, self.reference))
        self.stratum_pixels = np.asarray(self.stratum_pixels, dtype=np.float64).ravel()

    @property
    def units_per_stratum(self) -> np.ndarray:
        """(H,) the sample units n_h of each stratum."""
        return np.bincount(self.strata, minlength=len(self.stratum_pixels))

    @property
    def sampled(self) -> np.ndarray:
        """(H,) bool: strata with at least one unit; the others cannot be estimated."""
        return self.units_per_stratum > 0

    @property
    def weights(self) -> np.ndarray:
        """(H,) each stratum's share W_h of the pixels of the sampled strata (0 for the others)."""
        pixels = np.where(self.sampled, self.stratum_pixels, 0.0)
        total = pixels.sum()
        return pixels / total if total > 0 else pixels


def stratified_mean(y: np.ndarray, sample: Sample, zero_in: np.ndarray | None = None) -> Estimate:
    """The stratified estimate of the population mean of ``y`` ((n,), one value per unit) and its
    standard error (Stehman 2014 eqs. 3 and 25; Olofsson 2014 eqs. 9-10 for an indicator).

    ``zero_in``: (H,) bool, strata where ``y`` is zero for every pixel by design: they need no
    sample variance. Elsewhere a stratum with one unit makes the standard error None.
    """
    y = np.asarray(y, dtype=np.float64)
    n_h = sample.units_per_stratum
    means = _per_stratum_means(y, sample)
    estimate = float(np.sum(sample.weights * means))
    variances = _per_stratum_variances(y, means, sample)
    needed = sample.sampled & ~(np.zeros_like(sample.sampled) if zero_in is None else zero_in)
    if np.any(needed & (n_h < 2)):
        return Estimate(estimate, None)
    terms = np.where(needed, sample.weights ** 2 * variances / np.maximum(n_h, 1), 0.0)
    return Estimate(estimate, float(np.sqrt(terms.sum())))


def stratified_ratio(y: np.ndarray, x: np.ndarray, sample: Sample,
                     zero_in: np.ndarray | None = None) -> Estimate:
    """The combined ratio estimate R = Y/X of two stratified means and its standard error
    (Stehman 2014 eqs. 27-28): the variance of the residual y - R·x over X². Undefined (None)
    when X is 0, e.g. a producer's accuracy of a class no reference unit has.

    ``zero_in``: (H,) bool, strata where both ``y`` and ``x`` are zero by design.
    """
    y, x = np.asarray(y, dtype=np.float64), np.asarray(x, dtype=np.float64)
    total_x = stratified_mean(x, sample).estimate
    if not total_x:
        return Estimate(None, None)
    ratio = stratified_mean(y, sample).estimate / total_x
    residual = stratified_mean(y - ratio * x, sample, zero_in)
    return Estimate(ratio, None if residual.se is None else residual.se / total_x)


def _per_stratum_means(y: np.ndarray, sample: Sample) -> np.ndarray:
    """(H,) the mean of ``y`` over each stratum's units (0 where it has none)."""
    n_h = sample.units_per_stratum
    sums = np.bincount(sample.strata, weights=y, minlength=len(n_h))
    return sums / np.maximum(n_h, 1)


def _per_stratum_variances(y: np.ndarray, means: np.ndarray, sample: Sample) -> np.ndarray:
    """(H,) the sample variance s²_h of ``y`` in each stratum (divisor n_h - 1; 0 where n_h < 2)."""
    n_h = sample.units_per_stratum
    squares = np.bincount(sample.strata, weights=(y - means[sample.strata]) ** 2, minlength=len(n_h))
    return np.where(n_h > 1, squares / np.maximum(n_h - 1, 1), 0.0)


@dataclass
class Assessment:
    """What a sample says of a map: K classes, the error matrix (rows: map classes, columns:
    reference classes) in sample counts (K, K) and in proportions of area (K, K), and per class
    the user's and producer's accuracies and the share of the area (lists of K estimates)."""

    counts: np.ndarray
    proportions: np.ndarray
    overall: Estimate
    users: list
    producers: list
    area_proportions: list
    unsampled_strata: list = field(default_factory=list)  # stratum indices with pixels but no unit


def assess(sample: Sample) -> Assessment:
    """The error matrix, the accuracies and the area proportions of ``sample`` (see the module
    docstring for the estimators)."""
    k = sample.n_classes
    counts = np.zeros((k, k), dtype=np.int64)
    np.add.at(counts, (sample.mapped, sample.reference), 1)
    proportions = np.array([[stratified_mean((sample.mapped == i) & (sample.reference == j), sample).estimate
                             for j in range(k)] for i in range(k)])
    users, producers, areas = [], [], []
    for c in range(k):
        hit = (sample.mapped == c) & (sample.reference == c)
        # With the map classes as strata, units mapped as c are all in stratum c: elsewhere the
        # user's accuracy's indicators are zero by design and need no sample variance.
        other_strata = (np.arange(len(sample.stratum_pixels)) != c) if sample.strata_are_map_classes else None
        users.append(stratified_ratio(hit, sample.mapped == c, sample, zero_in=other_strata))
        producers.append(stratified_ratio(hit, sample.reference == c, sample))
        areas.append(stratified_mean(sample.reference == c, sample))
    overall = stratified_mean(sample.mapped == sample.reference, sample)
    unsampled = [int(h) for h in np.flatnonzero(~sample.sampled & (sample.stratum_pixels > 0))]
    return Assessment(counts, proportions, overall, users, producers, areas, unsampled)


def cochran_sample_size(weights: np.ndarray, expected_users: np.ndarray, target_se: float) -> int:
    """The sample size that gives the overall accuracy a standard error of ``target_se`` under
    stratified random sampling (Olofsson 2014 eq. 13, from Cochran 1977 eq. 5.25):
    n = (Σ W_i S_i / S(Ô))², S_i = √(U_i (1 - U_i)). ``weights``: (K,) the map classes' shares
    of the area; ``expected_users``: (K,) the user's accuracies one expects of them."""
    weights, users = np.asarray(weights, dtype=np.float64), np.asarray(expected_users, dtype=np.float64)
    spread = float(np.sum(weights * np.sqrt(users * (1.0 - users))))
    size = (spread / target_se) ** 2 if spread / target_se < 2.0 ** 31 else 2.0 ** 62  # no overflow to inf
    return max(1, int(np.ceil(round(size, 9))))


def allocate(pixels: np.ndarray, total: int, minimum: int) -> np.ndarray:
    """Units per stratum: proportional to its ``pixels`` ((H,) counts), but at least ``minimum``
    (Olofsson 2014 §5.1.2: rare classes get enough units for their user's accuracy), never more
    than the stratum's pixels. Strata held at the minimum are set aside and the rest of ``total``
    shared out again, until no proportional share falls below the minimum. The sum is ``total``,
    or more when the minima alone exceed it; shares are rounded by largest remainder."""
    pixels = np.asarray(pixels, dtype=np.int64)
    units = np.zeros(len(pixels), dtype=np.int64)
    floor = np.minimum(pixels, minimum)
    fixed = pixels <= 0
    while True:
        free = ~fixed
        left = total - int(floor[fixed].sum())
        shares = _largest_remainder(pixels * free, max(left, 0))
        low = free & (shares < floor)
        if not low.any():
            break
        fixed |= low
    units[fixed] = floor[fixed]
    units[~fixed] = np.minimum(shares[~fixed], pixels[~fixed])
    return units


def _largest_remainder(weights: np.ndarray, total: int) -> np.ndarray:
    """Integers proportional to ``weights`` that sum to ``total`` (Hamilton's method)."""
    weights = np.asarray(weights, dtype=np.float64)
    if weights.sum() <= 0:
        return np.zeros(len(weights), dtype=np.int64)
    exact = weights / weights.sum() * total
    whole = np.floor(exact).astype(np.int64)
    order = np.argsort(-(exact - whole), kind="stable")
    whole[order[:total - int(whole.sum())]] += 1
    return whole
