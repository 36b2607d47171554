package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of the impostor scorer, not a test: 10,000 generated official channels and the real
 * unit names (2025 and pre-2025 lists), N mixed checks on 2 threads; prints checks/s and p50/p99.
 * Run: java -cp <test classpath> vn.binhyen.verifier.impostor.ImpostorScoringBench [checks]
 */
public final class ImpostorScoringBench {

    private ImpostorScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<UnitName> units = new ArrayList<>(Corpus.units2025());
        units.addAll(InMemoryOfficialDirectory.readUnitNames(Corpus.resource("/data/units-pre2025.csv")));
        units.addAll(InMemoryOfficialDirectory.nationalUnits());
        Random random = new Random(42);
        List<OfficialChannel> channels = new ArrayList<>();
        String[] platforms = {"facebook.com/", "zalo.me/", "zalo.me/g/", "youtube.com/@", "website"};
        for (int i = 0; channels.size() < 10_000; i++) {
            UnitName u = units.get(random.nextInt(units.size()));
            String slug = VietnameseText.compact(u.name());
            String p = platforms[i % platforms.length];
            String id = switch (p) {
                case "zalo.me/" -> p + (1_000_000_000L + i);
                case "zalo.me/g/" -> p + Long.toString(random.nextLong() & 0xFFFFFFFFL, 36);
                case "website" -> "congan." + slug + i + ".gov.vn";
                default -> p + "congan" + slug + i;
            };
            String police = UnitMatcher.levelPrefix(VietnameseText.normalize(u.name())) != null ? "Công an " + u.name() : u.name();
            channels.add(new OfficialChannel("c" + i, p.equals("website") ? "website" : p.split("\\.")[0], id, police, u.code(), u.name()));
        }
        long t0 = System.nanoTime();
        ImpostorScorer scorer = new ImpostorScorer(ScoringThresholds.DEFAULTS, new InMemoryOfficialDirectory(channels, units, List.of()));
        System.out.printf("index built in %d ms (%d channels, %d unit names)%n", (System.nanoTime() - t0) / 1_000_000,
                channels.size(), units.size());
        List<CheckRequest> requests = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            OfficialChannel c = channels.get(random.nextInt(channels.size()));
            UnitName u = units.get(random.nextInt(units.size()));
            requests.add(switch (i % 8) {
                case 0 -> CheckRequest.of(c.normalizedId(), c.displayName());
                case 1 -> new CheckRequest("https://www.facebook.com/hotro" + i, null, "Công an " + u.name(), null);
                case 2 -> new CheckRequest(null, "facebook.com/" + c.normalizedId().replaceAll(".*/@?", "") + "x", null, null);
                case 3 -> new CheckRequest(null, "zalo.me/09" + i, "Hỗ trợ lấy lại tiền bị lừa đảo",
                        "Tiếp nhận hồ sơ thu hồi tiền lừa đảo, làm việc 24/7. Công an " + u.name());
                case 4 -> new CheckRequest(null, "zalo.me/g/tdp" + i, "Nhóm Zalo tổ dân phố " + i % 30 + " " + u.name(), null);
                case 5 -> new CheckRequest("https://bocongan-gov" + i % 3 + ".vn", null, "Bộ Công an", null);
                case 6 -> new CheckRequest(null, "facebook.com/shop" + i, "Cửa hàng Công Anh " + i, "Bán lẻ đồ gia dụng.");
                default -> new CheckRequest(null, "facebook.com/p" + i, "Сông аn " + u.name(), null);
            });
        }
        run(scorer, requests, 20_000); // warm-up
        long[] latencies = new long[checks];
        long start = System.nanoTime();
        run(scorer, requests, checks, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%d checks on 2 threads: %.0f checks/s, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", checks,
                checks / seconds, latencies[checks / 2] / 1e6, latencies[(int) (checks * 0.99)] / 1e6,
                latencies[checks - 1] / 1e6);
    }

    private static void run(ImpostorScorer scorer, List<CheckRequest> requests, int checks) throws Exception {
        run(scorer, requests, checks, new long[checks]);
    }

    private static void run(ImpostorScorer scorer, List<CheckRequest> requests, int checks, long[] latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = thread; i < checks; i += 2) {
                    long s = System.nanoTime();
                    scorer.check(requests.get(i % requests.size()));
                    latencies[i] = System.nanoTime() - s;
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }
}
