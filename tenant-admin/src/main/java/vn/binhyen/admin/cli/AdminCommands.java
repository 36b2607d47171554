package vn.binhyen.admin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.binhyen.admin.importing.ImportValidator;
import vn.binhyen.admin.importing.UnitCsvReader;
import vn.binhyen.admin.importing.UnitImportService;
import vn.binhyen.admin.importing.UnitRow;
import vn.binhyen.admin.reorg.ReformApplier;
import vn.binhyen.admin.reorg.ReformDryRunReport;
import vn.binhyen.admin.reorg.ReformMappingReader;
import vn.binhyen.admin.reorg.ReformPlan;
import vn.binhyen.admin.reorg.ReformPlanner;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;

/**
 * The command-line side of administration (the deploy module's {@code import-units} and
 * {@code replay-reform} sub-commands call these on a started node). Blocking; answers an exit code.
 */
public final class AdminCommands {

  private AdminCommands() {}

  /** Imports a unit CSV below {@code underCode}; prints the report (every line error when refused). */
  public static int importUnits(Services s, String underCode, Path file, boolean dryRun, PrintStream out) throws IOException {
    byte[] csv = Files.readAllBytes(file);
    var under = s.tenantDirectory().byCode(underCode).await();
    long t0 = System.nanoTime();
    try {
      var result = s.get(UnitImportService.class).importCsv(null, under, csv, dryRun).await();
      out.printf("%s in %d ms%n", result.toJson().encodePrettily(), (System.nanoTime() - t0) / 1_000_000);
      return 0;
    } catch (DomainError e) {
      out.println(e.getMessage());
      Object errors = e.extensions().get("errors");
      if (errors instanceof List<?> list) {
        list.forEach(line -> out.println("  " + line));
      }
      return 1;
    }
  }

  /** Plans the reform from the three files, prints the dry-run report, and applies it unless {@code dryRun}. */
  public static int replayReform(Services s, Path oldUnits, Path newUnits, Path mapping, boolean dryRun, PrintStream out)
      throws IOException {
    long t0 = System.nanoTime();
    ReformPlan plan;
    try (InputStream a = Files.newInputStream(oldUnits); InputStream b = Files.newInputStream(newUnits);
        InputStream m = Files.newInputStream(mapping)) {
      List<UnitRow> before = new ImportValidator().validate(UnitCsvReader.read(a)).rowsToApplyOrThrow();
      List<UnitRow> after = new ImportValidator().validate(UnitCsvReader.read(b)).rowsToApplyOrThrow();
      plan = new ReformPlanner().plan(before, after, ReformMappingReader.read(m).rows());
    }
    long planned = System.nanoTime();
    out.println(new ReformDryRunReport(plan, 5).summary());
    var applied = new ReformApplier(s).apply(plan, dryRun).await();
    long done = System.nanoTime();
    out.println(applied.toJson().copy().put("plan", "(above)").encodePrettily());
    out.printf("plan %d ms, %s %d ms%n", (planned - t0) / 1_000_000, dryRun ? "dry run" : "apply",
        (done - planned) / 1_000_000);
    return 0;
  }
}
