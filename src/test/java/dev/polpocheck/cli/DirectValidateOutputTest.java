package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code validate} run without picocli ({@link DirectValidate}, what {@code Main} does for a plain
 * invocation) prints the same bytes on both outputs and exits with the same code as the same
 * arguments run through picocli, on every config folder of the test corpus (the real Polpo 0.3.x
 * and upstream projects, the good and bad fixtures) in every format; usage errors it finds after
 * parsing are handed to picocli, which reports them as always.
 */
class DirectValidateOutputTest {
  private static final String NOW = "2026-03-21T10:00:00Z";

  /** Every project folder under src/test/resources/validate/{real,upstream,good,bad}. */
  private static List<String> corpus() throws IOException {
    List<String> dirs = new ArrayList<>();
    for (String group : List.of("real", "upstream", "good", "bad")) {
      try (Stream<Path> s = Files.list(Path.of("src/test/resources/validate", group))) {
        s.filter(Files::isDirectory).sorted().forEach(p -> dirs.add(p.toString()));
      }
    }
    return dirs;
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github", "junit"})
  void everyCorpusFolderPrintsTheSameAsThroughPicocli(String format) throws IOException {
    List<String> dirs = corpus();
    assertTrue(dirs.size() > 90, "corpus has " + dirs.size() + " folders");
    int withFindings = 0;
    for (String dir : dirs) {
      String[] args = {"validate", "--format", format, "--now", NOW, "--no-snippet", dir};
      assertNotNull(DirectValidate.parse(args), "not a plain invocation: " + dir);
      CliRun direct = CliRun.of(args);
      CliRun picocli = CliRun.of(PolpoCheckCommand.newCommandLine(args), args);
      assertEquals(picocli, direct, dir);
      withFindings += direct.exit() == ExitCodes.FINDINGS ? 1 : 0;
    }
    // the comparison covers reports with findings, not only clean ones
    assertTrue(withFindings >= 10, withFindings + " folders with findings");
  }

  @Test
  void severalFilesWithCodeFramesAndTheDefaultFormat() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/validate/bad"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().map(Path::toString)
          .collect(Collectors.toList());
    }
    List<String> args = new ArrayList<>(List.of("validate", "--now", NOW, "--color", "always"));
    args.addAll(files);
    String[] a = args.toArray(new String[0]);
    CliRun direct = CliRun.of(a);
    assertEquals(CliRun.of(PolpoCheckCommand.newCommandLine(a), a), direct);
    assertEquals(ExitCodes.FINDINGS, direct.exit());
  }

  @Test
  void aUsageErrorFoundAfterParsingIsPicoclisOneLine() {
    String[] args = {"validate", "--format", "xml", "src/test/resources/validate/good"};
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // the direct run hands over without writing anything
    assertEquals(null, DirectValidate.run(args, new PrintWriter(out), new PrintWriter(err)));
    assertEquals("", out.toString() + err.toString());
    CliRun r = CliRun.of(args);
    assertEquals(ExitCodes.USAGE, r.exit());
    assertEquals("", r.out());
    assertEquals("polpo-check: error: unknown --format \"xml\"; expected text, json, sarif,"
        + " github or junit (see 'polpo-check validate --help')\n", r.err());
  }

  @Test
  void aPlantedKeyIsMaskedOnTheDirectPath(@TempDir Path tmp) throws IOException {
    String key = "sk-ant-api03-" + "Zq7".repeat(30) + "AA";
    Path polpo = Files.createDirectories(tmp.resolve(".polpo")).resolve("polpo.json");
    Files.writeString(polpo, "{\"project\": \"p\", \"providers\": {\"anthropic\": \"" + key
        + "\"}, \"settings\": {\"orchestratorModel\": \"" + key + "\"}}");
    for (String format : List.of("text", "json", "sarif", "github", "junit")) {
      String[] args = {"validate", "--format", format, polpo.toString()};
      assertNotNull(DirectValidate.parse(args));
      CliRun r = CliRun.of(args);
      assertEquals(ExitCodes.FINDINGS, r.exit(), format);
      assertFalse(r.all().contains(key.substring(13, 40)), format + ": " + r.all());
    }
  }
}
