"""The layout of the encoder's final tokens, in one place (importable without PyTorch):

    [week, hour, lat, lon, CLS, patch 0 … patch 99]

four metadata tokens (``backend.metadata.METADATA_ITEMS``, in that order), the class token,
then one token per 4 × 4 px square of the 40 × 40 px tile, in row-major order.
"""
from .landsat import PATCH_SIZE_PX, TOKEN_PATCH_PX

#: Metadata tokens at the head of the sequence: week, hour, lat, lon.
NUM_META_TOKENS = 4
#: Where the CLS token sits: right after the metadata tokens.
CLS_INDEX = NUM_META_TOKENS
#: Tokens before the patch tokens: the metadata tokens and CLS.
NUM_LEADING_TOKENS = NUM_META_TOKENS + 1
#: One token per 4 × 4 px square of a tile: 100.
NUM_PATCH_TOKENS = (PATCH_SIZE_PX // TOKEN_PATCH_PX) ** 2
#: All final tokens of one tile: 105.
NUM_TOKENS = NUM_LEADING_TOKENS + NUM_PATCH_TOKENS
