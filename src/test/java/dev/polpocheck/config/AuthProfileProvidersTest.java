package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Protects {@code --auth-profiles}: providers come from each profile's {@code provider} field (what
 * Polpo selects on), and a broken file is reported without quoting any token.
 */
class AuthProfileProvidersTest {

  @Test
  void parse_profiles_returnsProviderFields() {
    String json =
        "{\"version\":1,\"profiles\":{"
            + "\"anthropic:me@x.dev\":{\"provider\":\"anthropic\",\"type\":\"oauth\",\"access\":\"a\"},"
            + "\"openai:work\":{\"provider\":\"openai\",\"type\":\"api_key\",\"access\":\"b\"}}}";
    assertEquals(Set.of("anthropic", "openai"), AuthProfileProviders.parse("p.json", json));
  }

  @Test
  void parse_noProfiles_returnsEmpty() {
    assertEquals(Set.of(), AuthProfileProviders.parse("p.json", "{\"version\":1}"));
  }

  @Test
  void parse_invalidJson_namesPositionButNotContent() {
    String json = "{\"profiles\": {\"a:b\": {\"access\": sk-ant-oat01-canarycanary}}}";
    UserInputException e =
        assertThrows(UserInputException.class, () -> AuthProfileProviders.parse("p.json", json));
    assertTrue(e.getMessage().startsWith("p.json:1:"), e.getMessage());
    assertFalse(e.getMessage().contains("canary"), e.getMessage());
  }
}
