package dev.polpocheck.validate.report;

import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.FileResult;
import dev.polpocheck.validate.PolpoTarget;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a reporter renders: the results of one run, the rules that were active, and the tool
 * version.
 *
 * @param files one result per file, in the order given
 * @param rules every rule that could be reported (SARIF lists them)
 * @param toolVersion polpo-check's version
 * @param failOn the lowest severity that fails the run (JUnit marks those as failures)
 * @param target the Polpo line the files were validated against; every format names it
 */
public record Report(
    List<FileResult> files,
    List<RuleDescriptor> rules,
    String toolVersion,
    Severity failOn,
    PolpoTarget target) {

  /** Copies the lists. */
  public Report {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
    java.util.Objects.requireNonNull(target, "target");
  }

  /** A report of a Polpo 0.3.x run. */
  public Report(
      List<FileResult> files, List<RuleDescriptor> rules, String toolVersion, Severity failOn) {
    this(files, rules, toolVersion, failOn, PolpoTarget.V03);
  }

  /** All diagnostics of all files, file by file. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>();
    for (FileResult f : files) {
      all.addAll(f.diagnostics());
    }
    return all;
  }

  /** How many diagnostics have exactly this severity. */
  public int count(Severity s) {
    int n = 0;
    for (Diagnostic d : diagnostics()) {
      if (d.severity() == s) {
        n++;
      }
    }
    return n;
  }

  /**
   * "2 errors, 1 warning in 3 files (Polpo 0.3.x)" style summary, or "no problems in N files
   * (TARGET)".
   */
  public String summary() {
    return counts() + " (" + target.label() + ")";
  }

  private String counts() {
    int e = count(Severity.ERROR);
    int w = count(Severity.WARNING);
    int i = count(Severity.INFO);
    String in = " in " + files.size() + (files.size() == 1 ? " file" : " files");
    if (e + w + i == 0) {
      return "no problems" + in;
    }
    List<String> parts = new ArrayList<>();
    parts.add(e + (e == 1 ? " error" : " errors"));
    parts.add(w + (w == 1 ? " warning" : " warnings"));
    if (i > 0) {
      parts.add(i + (i == 1 ? " info" : " infos"));
    }
    return String.join(", ", parts) + in;
  }
}
