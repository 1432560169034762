package io.github.athenaddb.local;

import io.github.athenaddb.ConnectorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code athena-local bench}: end-to-end benchmarks of the connector through the Lambda wire,
 * against a local DynamoDB (dynalite, in memory) and an embedded PostgreSQL, written as JSON
 * (for {@code --compare} and tools) and as a self-contained HTML page, and printed as a table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end benchmarks through the connector's wire: full reads, Query, top-N, GetItem, JDBC, export and change tables, "
                + "cold start.")
final class BenchCommand
        implements Callable<Integer>
{
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--scenario", paramLabel = "NAME", description = "Run only this scenario (repeatable; default: all but fresh-queries): "
            + "full-read, lambda-read, sql-full-read, query-partition, top-n, point-lookup, group-by, jdbc-read, export-read, changes-read, cold-start, "
            + "fresh-queries (only when named: ~28 bin/athena-local processes, several minutes).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--items", split = ",", paramLabel = "N", defaultValue = "100000,1000000",
            description = "Table sizes of the full-read scenario, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> items;

    @Option(names = "--partition-items", defaultValue = "10000",
            description = "Items in the partition of the Query, top-N and point-lookup scenarios (default: ${DEFAULT-VALUE}).")
    int partitionItems;

    @Option(names = "--jdbc-rows", defaultValue = "1000000", description = "Rows of the PostgreSQL table (default: ${DEFAULT-VALUE}).")
    int jdbcRows;

    @Option(names = "--export-items", defaultValue = "100000",
            description = "Items of the export the export-read scenario reads from moto_server's S3 (default: ${DEFAULT-VALUE}).")
    int exportItems;

    @Option(names = "--change-records", defaultValue = "10000",
            description = "Stream records the changes-read scenario reads from moto_server (default: ${DEFAULT-VALUE}).")
    int changeRecords;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per scenario, after the warm-up runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmups", defaultValue = "1", paramLabel = "N",
            description = "Untimed runs per scenario before the timed ones (default: ${DEFAULT-VALUE}); the engine's latency is its warm "
                    + "one only after tens of statements, once the JIT has compiled its planner.")
    int warmups;

    @Option(names = "--cold-runs", defaultValue = "5", description = "Fresh JVMs of the cold-start scenario (default: ${DEFAULT-VALUE}).")
    int coldRuns;

    @Option(names = "--segments", defaultValue = "1", description = "Parallel Scan segments of a full read, one split each (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = "--out", defaultValue = "bench-results", paramLabel = "DIR", description = "Where the JSON and HTML go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--compare", paramLabel = "PREVIOUS.json", description = "A previous run's JSON: the reports show the changes since it.")
    Path compare;

    @Option(names = "--smoke", description = "Tiny sizes and one run (the size and run options are ignored): checks that every scenario works in about a minute; the figures mean nothing.")
    boolean smoke;

    @Spec
    CommandSpec spec;

    private final PrintStream console = System.out;

    @Override
    public Integer call()
            throws Exception
    {
        BenchSettings settings = smoke ? BenchSettings.SMOKE : new BenchSettings(List.copyOf(items), partitionItems, jdbcRows, warmups, runs, coldRuns,
                segments, exportItems, changeRecords, false);
        if (runs < 1 || warmups < 0 || coldRuns < 1 || segments < 1 || partitionItems < 11 || jdbcRows < 1 || items.stream().anyMatch(n -> n < 1)
                || exportItems < 1 || changeRecords < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs, --cold-runs, --segments, --items, --jdbc-rows, "
                    + "--export-items and --change-records must be at least 1, --partition-items at least 11, --warmups at least 0");
        }
        Set<BenchScenario> selected = selected();
        Optional<BenchResults> previous = compare == null ? Optional.empty() : Optional.of(JsonResults.read(compare));
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<BenchResults.Scenario> results = new ArrayList<>();

        Map<String, String> config = new HashMap<>(Map.of(ConnectorConfig.SCAN_SEGMENTS, Integer.toString(settings.segments())));
        JdbcBenchScenario jdbc = null;
        if (selected.contains(BenchScenario.JDBC_READ)) {
            try {
                jdbc = JdbcBenchScenario.start();
                config.putAll(jdbc.connectorConfig());
            }
            catch (RuntimeException e) {
                results.add(BenchResults.Scenario.skipped(BenchScenario.JDBC_READ.id, BenchScenario.JDBC_READ.description,
                        "embedded PostgreSQL did not start: " + e.getMessage()));
            }
        }
        try (LocalConnector local = LocalConnector.startWithDynalite(config)) {
            console.println("Local DynamoDB (dynalite, in memory) at " + local.endpoint());
            DynamoBenchScenarios dynamo = new DynamoBenchScenarios(local, settings, console);
            if (selected.contains(BenchScenario.FULL_READ) || selected.contains(BenchScenario.LAMBDA_READ)
                    || selected.contains(BenchScenario.SQL_FULL_READ)) {
                results.addAll(dynamo.fullReads(selected));
            }
            Set<BenchScenario> keyed = EnumSet.of(BenchScenario.QUERY_PARTITION, BenchScenario.TOP_N, BenchScenario.POINT_LOOKUP, BenchScenario.GROUP_BY);
            keyed.retainAll(selected);
            if (!keyed.isEmpty()) {
                results.addAll(dynamo.keyed(keyed));
            }
            if (jdbc != null) {
                results.add(jdbc.run(local, settings, console));
            }
            results.addAll(MotoBenchScenarios.run(selected, settings, console));
            if (selected.contains(BenchScenario.FRESH_QUERIES)) {
                results.addAll(FreshQueriesBench.run(local, console));
            }
            if (selected.contains(BenchScenario.COLD_START)) {
                results.add(ColdStartBench.run(local, settings.coldRuns(), console));
            }
        }

        BenchResults bench = new BenchResults(started.toString(), machine(), gitCommit(), settingsMap(settings), results);
        Files.createDirectories(out);
        Path json = out.resolve("bench-" + FILE_TIME.format(started) + ".json");
        Path html = out.resolve("bench-" + FILE_TIME.format(started) + ".html");
        JsonResults.write(bench, json);
        Files.writeString(html, HtmlReport.render(bench, previous), StandardCharsets.UTF_8);
        console.println();
        BenchReport.print(bench, previous, console);
        console.println();
        console.println("Wrote " + json + " and " + html);
        return 0;
    }

    private Set<BenchScenario> selected()
    {
        if (scenarios.isEmpty()) {
            // fresh-queries starts bin/athena-local ~28 times (minutes, and a built CLI): it runs when named.
            return EnumSet.complementOf(EnumSet.of(BenchScenario.FRESH_QUERIES));
        }
        Set<BenchScenario> selected = EnumSet.noneOf(BenchScenario.class);
        try {
            scenarios.forEach(s -> selected.add(BenchScenario.of(s)));
        }
        catch (IllegalArgumentException e) {
            // A usage error (message and exit code 2), not a stack trace.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return selected;
    }

    private static Map<String, Object> settingsMap(BenchSettings s)
    {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", s.items());
        m.put("partitionItems", s.partitionItems());
        m.put("jdbcRows", s.jdbcRows());
        m.put("warmups", s.warmups());
        m.put("runs", s.runs());
        m.put("coldRuns", s.coldRuns());
        m.put("segments", s.segments());
        m.put("exportItems", s.exportItems());
        m.put("changeRecords", s.changeRecords());
        m.put("smoke", s.smoke());
        return m;
    }

    /** Enough to tell whether two runs' figures can be compared at all. */
    static Map<String, Object> machine()
    {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("javaVm", System.getProperty("java.vm.name"));
        m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return m;
    }

    /** HEAD's commit, with "-dirty" when the work tree has changes; null outside a git checkout. */
    static String gitCommit()
    {
        try {
            String head = git("rev-parse", "--short=12", "HEAD");
            if (head == null || head.isBlank()) {
                return null;
            }
            String status = git("status", "--porcelain", "--untracked-files=no");
            return head.strip() + (status == null || status.isBlank() ? "" : "-dirty");
        }
        catch (IOException e) {
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String git(String... args)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : null;
    }
}
