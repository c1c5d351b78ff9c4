package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} over 20 files, which it checks in parallel (16 or more): findings come out in
 * the order the files were named, with the counts and exit code of the findings planted by hand,
 * and no secret is printed — neither an inline key nor a value that another file declares secret
 * (the run's known secrets are all registered before anything is written, whichever file is
 * validated first).
 */
class ValidateManyFilesCliTest {

  @TempDir static Path tmp;
  static List<String> files = new ArrayList<>();

  static final String CANARY_BODY =
      "Wq4Ze8Rt1Yu6Io3Pa7Sd2Fg9Hj5Kl0Zx4Cv8Bn1Mq6We3Rt7Yu2Io9Pa5Sd0Fg4Hj8Kl1Zx6Cv3Bn7Mq2We9Rt5YuAA";
  static final String CANARY = "sk-ant-api03-" + CANARY_BODY;
  // A literal apiKey value without any credential shape: only the run's known-secret set masks it.
  static final String DECLARED = "hunter2-canary-value-xyz";

  @BeforeAll
  static void projects() throws IOException {
    String good;
    try (InputStream in =
        ValidateManyFilesCliTest.class.getResourceAsStream("/validate/good/.polpo/polpo.json")) {
      good = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Named in reverse, so input order is not the names' sort order: q19 first, q00 last.
    for (int n = 19; n >= 0; n--) {
      String text = good;
      if (n == 16) {
        text = good.replace("\"logLevel\": \"normal\"", "\"logLevel\": \"loud\"");
      } else if (n == 12) {
        // A top-level key repeating a value that q03 declares secret (its apiKey).
        text = good.replace("\"project\": \"acme-agents\",",
            "\"project\": \"acme-agents\",\n  \"note\": \"" + DECLARED + "\",");
      } else if (n == 9) {
        text = good.replace("\"baseUrl\": \"https://api.anthropic.com\"",
            "\"baseUrl\": \"https://api.anthropic.com\", \"apiKey\": \"" + CANARY + "\"");
      } else if (n == 5) {
        text = good.substring(0, good.length() - 3);
      } else if (n == 3) {
        text = good.replace("\"baseUrl\": \"https://api.anthropic.com\"",
            "\"baseUrl\": \"https://api.anthropic.com\", \"apiKey\": \"" + DECLARED + "\"");
      }
      Path dir = Files.createDirectories(tmp.resolve(String.format("q%02d/.polpo", n)));
      files.add(Files.writeString(dir.resolve("polpo.json"), text).toString());
    }
  }

  private static CliRun validate(String... flags) {
    List<String> args = new ArrayList<>(List.of("validate", "--color", "never"));
    args.addAll(List.of(flags));
    args.addAll(files);
    return CliRun.of(args.toArray(String[]::new));
  }

  private static String name(int n) {
    return tmp.resolve(String.format("q%02d/.polpo/polpo.json", n)).toString();
  }

  @Test
  void text_findingsInTheOrderTheFilesWereNamed_countsAndExitCodeOfThePlantedErrors() {
    CliRun r = validate("--no-snippet");
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^(\\S+):(\\d+):(\\d+): (\\w+): .* \\[(\\S+)]$").matcher(r.out());
    while (m.find()) {
      found.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3) + " " + m.group(4) + " "
          + m.group(5));
    }
    // From the planted edits of the benchmark file (line 6: logLevel, value at column 17;
    // line 16: providers.anthropic, the apiKey key at column 60 and its value's opening quote at
    // column 70, so an inline key's text starts at 71; the note key added as line 4 at column 3;
    // q05 loses its last "}\n", so the input ends after line 17's "  }" at column 4).
    List<String> expected =
        List.of(
            name(16) + ":6:17 error polpo/settings/log-level",
            name(12) + ":4:3 warning polpo/config/unknown-key",
            name(9) + ":16:60 warning polpo/providers/api-key-ignored",
            name(9) + ":16:71 error polpo/secret/literal",
            name(5) + ":17:4 error polpo/config/unparsable",
            name(3) + ":16:60 warning polpo/providers/api-key-ignored",
            name(3) + ":16:70 error polpo/secret/literal");
    assertEquals(expected, found, r.out());
    assertTrue(r.out().endsWith("4 errors, 3 warnings in 20 files (Polpo 0.3.x)\n"), r.out());
    assertEquals(1, r.exit());
  }

  @Test
  void everyFormat_noSecretPrinted_evenWhereAnotherFileDeclaresIt() {
    for (String format : List.of("text", "json", "sarif")) {
      CliRun r = validate("--format", format);
      assertEquals(1, r.exit(), format);
      assertFalse(r.all().contains(CANARY_BODY.substring(0, 8)), format + ": " + r.all());
      assertFalse(r.all().contains(DECLARED), format + ": " + r.all());
      // the inline key is reported, masked to its public prefix
      assertTrue(r.out().contains("sk-ant-api03-…"), format);
      // the files in the order they were named (q16 before q03)
      int first = r.out().indexOf(name(16));
      int last = r.out().indexOf(name(3));
      assertTrue(first >= 0 && first < last, format);
    }
    // q12's code frame quotes its own line, with the value q03 declared secret masked
    CliRun text = validate();
    assertTrue(text.out().contains("\"note\": \"[secret]\","), text.out());
  }
}
