package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code polpo-check validate} on real Polpo 0.3.x config files (src/test/resources/validate/real,
 * sources in SOURCES.md there) against expectations decided from Polpo's code (expectations.tsv:
 * one line per expected finding, with the reason and Polpo's file:line).
 *
 * <p>Protects what a user relies on when validate runs in pre-commit: no error Polpo would not
 * hit (a false error fails every commit), precision at least 97 % (few false alarms), recall at
 * least 95 % (few missed problems). A finding matches an expected line when file, JSON pointer,
 * severity and rule id are equal; each expected line matches at most one finding. The
 * disagreements are printed so that reports/validate-real.md can be checked against them.
 */
class RealCorpusTest {

  private static final Path CORPUS = Paths.get("src/test/resources/validate/real");
  private static final String NOW = "2026-03-21T10:00:00Z";

  /** One expected or reported finding, as compared. */
  record Key(String file, String pointer, String severity, String rule) {
    @Override
    public String toString() {
      return file + " " + (pointer.isEmpty() ? "(file)" : pointer) + " " + severity + " " + rule;
    }
  }

  /** Expected findings and the files declared clean. */
  record Expectations(List<Key> findings, List<String> files) {}

  private static Expectations expected;
  private static List<Key> reported;
  private static List<Key> falseAlarms;
  private static List<Key> misses;

  @BeforeAll
  static void runValidateOnTheCorpus(@TempDir Path tmp) throws IOException {
    expected = readExpectations(CORPUS.resolve("expectations.tsv"));
    // Copy the corpus so auth files get the modes Polpo writes them with (0600 in a 0700 folder).
    List<String> args = new ArrayList<>(List.of("validate", "--format", "json", "--now", NOW));
    for (String file : expected.files()) {
      Path target = tmp.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(CORPUS.resolve(file), target);
      if (target.getFileName().toString().equals("auth-profiles.json")) {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(
            target.getParent(), PosixFilePermissions.fromString("rwx------"));
      }
      args.add(target.toString());
    }
    CliRun run = CliRun.of(args.toArray(new String[0]));
    JsonNode report = JsonMapper.builder().build().readTree(run.out());
    reported = new ArrayList<>();
    String prefix = tmp.toString() + "/";
    for (JsonNode d : report.path("diagnostics")) {
      String file = d.path("file").asString();
      reported.add(
          new Key(
              file.startsWith(prefix) ? file.substring(prefix.length()) : file,
              d.path("pointer").asString(""),
              d.path("severity").asString(),
              d.path("rule").asString()));
    }
    List<Key> unmatched = new ArrayList<>(expected.findings());
    falseAlarms = new ArrayList<>();
    for (Key k : reported) {
      if (!unmatched.remove(k)) {
        falseAlarms.add(k);
      }
    }
    misses = unmatched;
    System.out.printf(
        Locale.ROOT,
        "real corpus: %d files, %d expected, %d reported, %d matched; precision %.1f %%, recall"
            + " %.1f %%%nfalse alarms:%n%s%nmisses:%n%s%n",
        expected.files().size(),
        expected.findings().size(),
        reported.size(),
        matched(),
        100.0 * precision(),
        100.0 * recall(),
        lines(falseAlarms),
        lines(misses));
  }

  private static Expectations readExpectations(Path tsv) throws IOException {
    List<Key> findings = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] col = line.split("\t", -1);
      assertEquals(5, col.length, "5 tab-separated columns: " + line);
      assertTrue(!col[4].isBlank(), "every expectation gives its reason: " + line);
      if (!files.contains(col[0])) {
        files.add(col[0]);
      }
      if (!col[2].equals("-")) {
        findings.add(new Key(col[0], col[1], col[2], col[3]));
      }
    }
    return new Expectations(findings, files);
  }

  private static int matched() {
    return reported.size() - falseAlarms.size();
  }

  private static double precision() {
    return reported.isEmpty() ? 1 : (double) matched() / reported.size();
  }

  private static double recall() {
    return expected.findings().isEmpty() ? 1 : (double) matched() / expected.findings().size();
  }

  private static String lines(List<Key> keys) {
    return keys.isEmpty()
        ? "  (none)"
        : keys.stream().map(k -> "  " + k).collect(Collectors.joining("\n"));
  }

  @Test
  void expectations_coverEveryCorpusFile() throws IOException {
    List<String> onDisk;
    try (Stream<Path> s = Files.walk(CORPUS)) {
      onDisk =
          s.filter(p -> p.toString().endsWith(".json"))
              .map(p -> CORPUS.relativize(p).toString())
              .sorted()
              .collect(Collectors.toList());
    }
    assertEquals(onDisk, expected.files().stream().sorted().collect(Collectors.toList()));
  }

  @Test
  void realCorpus_noFalseError() {
    List<Key> falseErrors =
        falseAlarms.stream().filter(k -> k.severity().equals("error")).collect(Collectors.toList());
    assertEquals(List.of(), falseErrors, "errors Polpo's code does not justify");
  }

  @Test
  void realCorpus_precisionAtLeast97Percent() {
    assertTrue(precision() >= 0.97, "precision " + precision() + "; false alarms: " + falseAlarms);
  }

  @Test
  void realCorpus_recallAtLeast95Percent() {
    assertTrue(recall() >= 0.95, "recall " + recall() + "; misses: " + misses);
  }
}
