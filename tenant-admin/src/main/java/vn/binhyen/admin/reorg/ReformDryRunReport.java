package vn.binhyen.admin.reorg;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import vn.binhyen.admin.importing.UnitLevel;

/**
 * A {@link ReformPlan} shown before it is applied: a short bilingual summary for people and JSON
 * with the counts and the first few inconsistencies of each kind for the admin console.
 */
public final class ReformDryRunReport {

  private final ReformPlan plan;
  private final int firstN;

  /** {@code firstN} caps the inconsistencies listed per kind; counts are always complete. */
  public ReformDryRunReport(ReformPlan plan, int firstN) {
    if (firstN < 0) {
      throw new IllegalArgumentException("firstN must not be negative");
    }
    this.plan = plan;
    this.firstN = firstN;
  }

  /** A few lines, Vietnamese first then English on each line. */
  public String summary() {
    long mergers = plan.provinceMerges().stream().filter(ReformPlan.ProvinceMerge::isMerger).count();
    var text = new StringBuilder()
        .append("Chạy thử sắp xếp đơn vị hành chính, hiệu lực ").append(plan.reformDate())
        .append(" / Reorganisation dry run, effective ").append(plan.reformDate()).append('\n')
        .append("Tỉnh / Provinces: ").append(count(plan.unitsBefore(), UnitLevel.PROVINCE)).append(" → ")
        .append(count(plan.unitsAfter(), UnitLevel.PROVINCE)).append(" (hợp nhất / merged: ").append(mergers)
        .append(")\n")
        .append("Huyện bãi bỏ / Districts abolished: ").append(plan.abolishedDistricts().size()).append('\n')
        .append("Xã chuyển nguyên / Communes moved whole: ").append(plan.wholeMoves().size())
        .append("; chia tách / split: ").append(plan.splits().size()).append('\n')
        .append("Giữ nguyên / Continuing: ").append(plan.continuing().size())
        .append("; tạo mới / to create: ").append(plan.toCreate().size())
        .append("; đóng / to close: ").append(plan.toClose().size()).append('\n')
        .append("Bất thường / Inconsistencies: ").append(plan.inconsistencies().size());
    plan.inconsistencyCounts().forEach((kind, n) -> {
      if (n > 0) {
        text.append("\n  ").append(kind).append(": ").append(n);
        plan.inconsistencies(kind).stream().limit(firstN).forEach(i -> text.append("\n    ")
            .append(i.line() > 0 ? "dòng / line " + i.line() + ": " : "").append(i.detailVi())
            .append(" / ").append(i.detailEn()));
      }
    });
    return text.toString();
  }

  public JsonObject toJson() {
    var counts = new JsonObject()
        .put("provincesBefore", count(plan.unitsBefore(), UnitLevel.PROVINCE))
        .put("provincesAfter", count(plan.unitsAfter(), UnitLevel.PROVINCE))
        .put("districtsBefore", count(plan.unitsBefore(), UnitLevel.DISTRICT))
        .put("communesBefore", count(plan.unitsBefore(), UnitLevel.COMMUNE))
        .put("communesAfter", count(plan.unitsAfter(), UnitLevel.COMMUNE))
        .put("provinceMergers", plan.provinceMerges().stream().filter(ReformPlan.ProvinceMerge::isMerger).count())
        .put("districtsAbolished", plan.abolishedDistricts().size())
        .put("wholeMoves", plan.wholeMoves().size())
        .put("splits", plan.splits().size())
        .put("continuing", plan.continuing().size())
        .put("toCreate", plan.toCreate().size())
        .put("toClose", plan.toClose().size())
        .put("inconsistencies", plan.inconsistencies().size());
    var inconsistencies = new JsonObject();
    plan.inconsistencyCounts().forEach((kind, n) -> {
      var first = new JsonArray();
      plan.inconsistencies(kind).stream().limit(firstN).forEach(i -> first.add(new JsonObject()
          .put("line", i.line()).put("code", i.code()).put("vi", i.detailVi()).put("en", i.detailEn())));
      inconsistencies.put(kind.name(), new JsonObject().put("count", n).put("first", first));
    });
    return new JsonObject()
        .put("reformDate", plan.reformDate().toString())
        .put("clean", plan.isClean())
        .put("counts", counts)
        .put("inconsistencies", inconsistencies);
  }

  private static int count(Map<UnitLevel, Integer> counts, UnitLevel level) {
    return counts.getOrDefault(level, 0);
  }
}
