package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the many-files path: {@code validateAll} validates 16 or more files in parallel, and
 * its results must be exactly those of validating the same files one after the other, in input
 * order, whatever file finishes first.
 */
class ValidateAllParallelTest {

  @TempDir Path tmp;

  // The benchmark's valid polpo.json: line 6 is `    "logLevel": "normal",` (value at column 17),
  // line 16 `    "anthropic": { "baseUrl": "https://api.anthropic.com" }`.
  private static String good() throws IOException {
    try (InputStream in =
        ValidateAllParallelTest.class.getResourceAsStream("/validate/good/.polpo/polpo.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final String CANARY =
      "sk-ant-api03-" + "Zq7Lx2Vb9Nm4Kc8Rt1Yw6Hs3Jd5Fg0Pa2Ue7Io4Tb9Mx1Cv6Bn3Lk8Jh5Gf2Ds0Aq" + "AA";

  /** Rule ids each planted file must get, by index; every other file is clean. */
  private static final Map<Integer, List<String>> PLANTED =
      Map.of(
          2, List.of("polpo/settings/log-level"),
          5, List.of("polpo/config/duplicate-key"),
          // api-key-ignored points at the key (column 60), secret/literal at the value (column 70)
          9, List.of("polpo/providers/api-key-ignored", "polpo/secret/literal"),
          13, List.of("polpo/config/unparsable"),
          17, List.of("polpo/io/unreadable"),
          22, List.of("polpo/config/unparsable"));

  @Test
  void validateAll_manyFilesWithErrors_parallelEqualsSequentialInInputOrder() throws IOException {
    String good = good();
    List<Path> paths = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<FileKind> kinds = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String text = good;
      switch (i) {
        case 2:
          text = good.replace("\"logLevel\": \"normal\"", "\"logLevel\": \"loud\"");
          break;
        case 5:
          text = good.replace("\"project\": \"acme-agents\",", "\"project\": \"a\", \"project\": \"b\",");
          break;
        case 9:
          text = good.replace(
              "\"baseUrl\": \"https://api.anthropic.com\"",
              "\"baseUrl\": \"https://api.anthropic.com\", \"apiKey\": \"" + CANARY + "\"");
          break;
        case 13:
          text = good.substring(0, good.length() / 2);
          break;
        case 22:
          text = "\uFEFF" + good;
          break;
        default:
          break;
      }
      // Names in reverse order, so input order is not the names' sort order.
      Path dir = Files.createDirectories(tmp.resolve("p" + (99 - i) + "/.polpo"));
      Path file = dir.resolve("polpo.json");
      if (i != 17) {
        Files.writeString(file, text);
      }
      paths.add(file);
      names.add(file.toString());
      kinds.add(FileKind.POLPO);
    }
    assertTrue(paths.size() >= Validator.PARALLEL_FROM);

    List<FileResult> sequential = validator().validateAll(paths, names, kinds, false);
    for (int round = 0; round < 5; round++) {
      List<FileResult> parallel = validator().validateAll(paths, names, kinds, true);
      assertEquals(render(sequential), render(parallel), "round " + round);
    }

    for (int i = 0; i < sequential.size(); i++) {
      FileResult r = sequential.get(i);
      assertEquals(names.get(i), r.file());
      assertEquals(PLANTED.getOrDefault(i, List.of()),
          r.diagnostics().stream().map(Diagnostic::rule).toList(), r.file());
      assertEquals(i != 17, r.readable(), r.file());
    }
    // The inline key's value is a secret range of its file, so code frames mask it.
    FileResult withKey = sequential.get(9);
    int at = withKey.text().indexOf(CANARY);
    assertTrue(withKey.secretRanges().stream().anyMatch(
        r -> r[0] <= at && r[1] >= at + CANARY.length()), "canary range");
    assertFalse(sequential.get(9).diagnostics().stream()
        .anyMatch(d -> d.message().contains(CANARY.substring(13))));
  }

  private static Validator validator() {
    return new Validator(
        new Schemas(), Rules.checks(), RuleConfig.DEFAULTS, Environment.staticPass(),
        RuleTesting.CLOCK);
  }

  /** Everything a reporter reads of the results, secret ranges as numbers. */
  private static List<String> render(List<FileResult> results) {
    List<String> out = new ArrayList<>();
    for (FileResult r : results) {
      StringBuilder ranges = new StringBuilder();
      for (int[] range : r.secretRanges()) {
        ranges.append(range[0]).append('-').append(range[1]).append(' ');
      }
      out.add(r.file() + " " + r.kind() + " " + r.readable() + " " + r.diagnostics() + " ["
          + ranges + "] " + r.text());
    }
    return out;
  }
}
