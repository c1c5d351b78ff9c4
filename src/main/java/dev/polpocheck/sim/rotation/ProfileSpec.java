package dev.polpocheck.sim.rotation;

import java.util.Objects;

/**
 * One credential profile as the simulator sees it: its id, the provider it serves, its type and the
 * organisation or workspace that scopes its prompt cache.
 *
 * @param id the profile id, e.g. {@code anthropic:work}
 * @param provider the provider the profile is selected for (Polpo filters on this field)
 * @param type OAuth or API key
 * @param scope the organisation / workspace; profiles with equal scopes share a prompt cache
 */
public record ProfileSpec(String id, String provider, ProfileType type, String scope) {

  /** Checks that every field is present and the id and provider are not blank. */
  public ProfileSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(scope, "scope");
    if (id.isBlank() || provider.isBlank()) {
      throw new IllegalArgumentException("profile id and provider must not be blank");
    }
  }
}
