package dev.polpocheck.sim.rotation;

import java.util.ArrayList;
import java.util.List;

/** Small builders for test pools. */
final class Pools {

  private Pools() {}

  /** A pool of {@code anthropic} profiles named {@code anthropic:p0..}, with the given types. */
  static ProfilePool anthropic(ProfileType... types) {
    List<ProfileSpec> specs = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      specs.add(new ProfileSpec("anthropic:p" + i, "anthropic", types[i], "org-" + i));
    }
    return new ProfilePool(specs);
  }

  /** Stats with only {@code lastUsed} set. */
  static ProfileStats lastUsed(long lastUsed) {
    return new ProfileStats(lastUsed, 0, 0, 0, 0, ProfileStats.NO_WINDOW);
  }

  /** Stats with a cooldown and a billing disable end (0 = none) and no use. */
  static ProfileStats until(long cooldownUntil, long disabledUntil) {
    return new ProfileStats(0, cooldownUntil, 0, disabledUntil, 0, ProfileStats.NO_WINDOW);
  }
}
