package dev.polpocheck.sim.limits;

import dev.polpocheck.catalog.RateLimitClass;
import java.util.EnumMap;
import java.util.Map;

/**
 * A scenario's own limits for one tier (its {@code tierLimits.TIER}), laid over the shipped table:
 * what the Console's Rate limits page shows an organisation on that tier. They are how a 2026 tier
 * (Start, Build, Scale, Evaluation, Custom) gets rate limits at all: its per-class tables could not
 * be read from a primary source, so none ship (reports/sim-fidelity.md).
 *
 * @param limits RPM / ITPM / OTPM by model class, replacing the shipped ones of that class
 * @param batch the Message Batches API's limits, or null to keep the shipped ones
 */
public record TierLimits(Map<RateLimitClass, LimitSpec> limits, BatchLimits batch) {
  public TierLimits {
    limits = limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
  }
}
