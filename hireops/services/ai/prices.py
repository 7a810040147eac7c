"""What AI calls cost: the price table (built in, overridable by settings and edited by admins
in the app) and the cost of one call from it."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping

from sqlmodel import Session

from hireops.config import Settings, get_settings
from hireops.models import User
from hireops.services.platform.app_settings import get_setting, set_setting

log = logging.getLogger(__name__)

# Mistral list prices in USD per million tokens (input, output), matched by the longest
# model-name prefix so dated names ("mistral-small-2506") find their family. Prices change:
# override or extend with MISTRAL_PRICES_USD_PER_MTOK, or edit the table on the AI usage page
# (stored under PRICE_TABLE_KEY, it then replaces this one). An unknown model costs 0.
PRICES_USD_PER_MTOK: dict[str, tuple[float, float]] = {
    "mistral-large": (2.0, 6.0),
    "mistral-medium": (0.4, 2.0),
    "mistral-small": (0.1, 0.3),
    "magistral-medium": (2.0, 5.0),
    "magistral-small": (0.5, 1.5),
    "ministral-8b": (0.1, 0.1),
    "ministral-3b": (0.04, 0.04),
    "open-mistral-nemo": (0.15, 0.15),
    "codestral": (0.3, 0.9),
}
PRICE_TABLE_KEY = "ai.prices_usd_per_mtok"

PriceTable = dict[str, tuple[float, float]]


class InvalidPriceTable(ValueError):
    """A price table with an empty prefix or a price that is not a non-negative number."""


def built_in_prices(settings: Settings | None = None) -> PriceTable:
    """The code's table with the environment's overrides."""
    settings = settings or get_settings()
    return {**PRICES_USD_PER_MTOK,
            **{k: (float(v[0]), float(v[1]))
               for k, v in settings.mistral_prices_usd_per_mtok.items()}}


def get_price_table(*, session: Session, settings: Settings | None = None) -> PriceTable:
    """The table an admin saved, else the built-in one."""
    stored = get_setting(session=session, key=PRICE_TABLE_KEY)
    if not isinstance(stored, dict):
        return built_in_prices(settings)
    return {prefix: (float(pair[0]), float(pair[1])) for prefix, pair in stored.items()}


def save_price_table(*, session: Session, prices: Mapping[str, tuple[float, float]],
                     actor: User | None) -> PriceTable:
    """Validate and store the whole table (audited), replacing the built-in one."""
    table = validate_price_table(prices)
    set_setting(session=session, key=PRICE_TABLE_KEY,
                value={prefix: list(pair) for prefix, pair in table.items()}, actor=actor)
    session.commit()
    return table


def validate_price_table(prices: Mapping[str, tuple[float, float]]) -> PriceTable:
    """Prefixes trimmed and non-empty, prices finite and non-negative, sorted by prefix."""
    table: PriceTable = {}
    for prefix, pair in prices.items():
        prefix = (prefix or "").strip()
        if not prefix:
            raise InvalidPriceTable("every price needs a model prefix")
        if prefix in table:
            raise InvalidPriceTable(f"the prefix {prefix!r} is listed twice")
        try:
            price_in, price_out = (float(value) for value in pair)
        except (TypeError, ValueError):
            raise InvalidPriceTable(f"{prefix}: prices must be numbers") from None
        if not all(math.isfinite(v) and v >= 0 for v in (price_in, price_out)):
            raise InvalidPriceTable(f"{prefix}: prices must be zero or more")
        table[prefix] = (price_in, price_out)
    return dict(sorted(table.items()))


def estimate_cost_usd(model: str, input_tokens: int, output_tokens: int,
                      settings: Settings | None = None,
                      prices: Mapping[str, tuple[float, float]] | None = None) -> float:
    """Cost of one call from `prices` (default: the built-in table); 0 for unpriced models."""
    prices = built_in_prices(settings) if prices is None else prices
    matches = [prefix for prefix in prices if model.startswith(prefix)]
    if not matches:
        if input_tokens or output_tokens:
            log.warning("no price known for model %r; recording cost 0", model)
        return 0.0
    price_in, price_out = prices[max(matches, key=len)]
    return round((input_tokens * price_in + output_tokens * price_out) / 1_000_000, 8)
