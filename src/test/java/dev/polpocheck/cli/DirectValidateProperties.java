package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link DirectValidate} parses {@code validate}'s arguments without picocli. Its contract: every
 * argument list it accepts sets the command's fields exactly as picocli's parse of the same list
 * (through the real root command line) does, and picocli accepts that list; anything else it
 * declines, and picocli runs it. The oracle is picocli itself.
 */
class DirectValidateProperties {

  /** Option names, accepted and declined ones, and tokens picocli treats specially. */
  private static final List<String> NAMES = List.of("--format", "-o", "--output", "--kind",
      "--polpo", "--fail-on", "--color", "--disable", "--config", "--env-file", "--auth-profiles",
      "--now", "--strict", "--no-snippet", "--require-env", "--severity", "--env", "--debug",
      "-h", "--help", "-V", "--version", "--", "-", "--form", "-x", "--strict=true");

  /** Values and operands, with the shapes that could be confused with options. */
  private static final List<String> VALUES = List.of("x.json", ".polpo/polpo.json", "sarif",
      "json", "upstream", "0.3", "warning", "never", "polpo/config/unknown-key", "a=b", "",
      " spaced name.json", "-x", "--strict", "@args.txt", "validate", "help", "é.json",
      "2026-01-01T00:00:00Z", "dir/", "\"quoted\"", "'single'");

  @Property(tries = 3000)
  void acceptedArgumentsMeanWhatPicocliMakesOfThem(@ForAll("argumentLists") List<String> tail) {
    String[] args = withValidate(tail);
    ValidateCommand direct = DirectValidate.parse(args);
    Statistics.collect(direct == null ? "declined" : "accepted");
    // a generator that almost never produces an accepted list would test nothing
    Statistics.coverage(c -> c.check("accepted").percentage(p -> p >= 10));
    if (direct == null) {
      return;
    }
    CommandLine cl = PolpoCheckCommand.newCommandLine(args);
    cl.parseArgs(args); // throws if picocli refuses what the direct parse accepted
    ValidateCommand parsed = (ValidateCommand) cl.getSubcommands().get("validate").getCommand();
    assertEquals(fields(parsed), fields(direct), String.join(" | ", args));
  }

  @Provide
  Arbitrary<List<String>> argumentLists() {
    Arbitrary<String> token = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(VALUES)),
        Tuple.of(3, Arbitraries.of(NAMES)),
        Tuple.of(2, Arbitraries.of(NAMES).flatMap(
            n -> Arbitraries.of(VALUES).map(v -> n + "=" + v))));
    return token.list().ofMaxSize(8);
  }

  @Test
  void plainInvocationsAreAccepted() {
    for (String line : List.of("validate", "validate .polpo/polpo.json",
        "validate --format sarif --output out.sarif .",
        "validate --strict --no-snippet --fail-on info a.json b.json",
        "validate -o r.txt --color=never --polpo upstream .polpo",
        "validate --disable r1 --disable=r2 --config rules.json x.json",
        "validate --env-file .polpo/.env --require-env --auth-profiles auth.json --now"
            + " 2026-01-01T00:00:00Z .polpo",
        "validate a.json --kind polpo b.json")) {
      assertNotNull(DirectValidate.parse(line.split(" ")), line);
    }
  }

  @Test
  void anythingPicocliMustSeeIsDeclined() {
    for (String line : List.of("validate --help", "validate -h x.json", "validate --version",
        "--debug validate x.json", "validate --debug x.json", "validate --env K=V x.json",
        "validate --severity r=info x.json", "validate -- -x.json", "validate @args.txt",
        "validate --format", "validate --format --strict x.json", "validate --format @f x.json",
        "validate --format json --format sarif x.json", "validate -o a --output b x.json",
        "validate --strict --strict x.json", "validate --strict=true x.json",
        "validate -ofile x.json", "validate --form json x.json", "validate - ", "cost x.jsonl",
        "validat x.json", "")) {
      assertNull(DirectValidate.parse(line.isEmpty() ? new String[0] : line.split(" ")), line);
    }
  }

  @Test
  void aPathTheFileSystemRefusesIsPicoclisToReport() {
    assertNull(DirectValidate.parse(new String[] {"validate", "a\0b.json"}));
    assertNull(DirectValidate.parse(new String[] {"validate", "--output", "a\0b"}));
  }

  private static String[] withValidate(List<String> tail) {
    List<String> all = new ArrayList<>();
    all.add("validate");
    all.addAll(tail);
    return all.toArray(new String[0]);
  }

  /** Every field an argument can set, as one comparable list. */
  private static List<Object> fields(ValidateCommand c) {
    return Arrays.asList(c.paths, c.format, c.output, c.kind, c.polpo, c.strict, c.failOn,
        c.noSnippet, c.color, c.disable, c.severities, c.rulesFile, c.envFile, c.envPairs,
        c.requireEnv, c.authProfiles, c.now);
  }
}
