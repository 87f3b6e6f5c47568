package clinic.migraine.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.testsupport.RunningSystem;

/**
 * What README.md promises, read the way a reader reads it: the endpoint table under "Try it" (one row per
 * service, each endpoint a {@code `METHOD /path`} in backticks, {@code .../tail} continuing the previous path)
 * and the topic table under "Event flow" (who reads each topic). Tests compare both with the code, so the
 * README cannot drift from what runs.
 */
final class Readme {

    /** One endpoint the README names: a method and a path with its variables as {@code {}} and no query. */
    record Endpoint(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern ENDPOINT = Pattern.compile(
            "^(?:((?:GET|POST|PUT|PATCH|DELETE)(?:/(?:GET|POST|PUT|PATCH|DELETE))*)\\s+)?((?:/|\\.\\.\\./)\\S*)$");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*\\}|<[^>]*>");

    private final List<String> lines;

    private Readme(List<String> lines) {
        this.lines = lines;
    }

    static Readme ofProject() {
        return parse(RunningSystem.projectRoot().resolve("README.md"));
    }

    static Readme parse(Path file) {
        try {
            return new Readme(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Readme of(String text) {
        return new Readme(text.lines().toList());
    }

    /** The endpoint table: the first column (service, or "every service") to the endpoints in its row. */
    Map<String, List<Endpoint>> endpoints() {
        Map<String, List<Endpoint>> rows = new LinkedHashMap<>();
        for (List<String> row : table("| service | endpoints |")) {
            rows.put(row.get(0), endpointsIn(row.get(1)));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("README has no endpoint table (| service | endpoints |)");
        }
        return rows;
    }

    /** The topic table: each topic to the column named {@code column} (e.g. "writer", "read by"). */
    Map<String, String> topics(String column) {
        List<String> header = null;
        Map<String, String> topics = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| topic |")) {
                header = cells(lines.get(i));
                if (!header.contains(column)) {
                    break;
                }
                for (List<String> row : rowsAfter(i)) {
                    topics.put(row.get(0).replace("`", ""), row.get(header.indexOf(column)));
                }
                break;
            }
        }
        if (header == null || !header.contains(column)) {
            throw new IllegalStateException("README's topic table has no column " + column);
        }
        return topics;
    }

    static List<Endpoint> endpointsIn(String cell) {
        List<Endpoint> endpoints = new ArrayList<>();
        String lastPath = null;
        String lastMethods = null;
        Matcher backticked = BACKTICKED.matcher(cell);
        while (backticked.find()) {
            Matcher endpoint = ENDPOINT.matcher(backticked.group(1).trim());
            if (!endpoint.matches()) {
                continue;
            }
            String methods = endpoint.group(1);
            String path = endpoint.group(2);
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            if (path.startsWith("...")) {
                if (lastPath == null) {
                    throw new IllegalStateException("'" + backticked.group(1) + "' continues no path");
                }
                path = lastPath.substring(0, lastPath.lastIndexOf('/')) + path.substring(3);
                methods = methods == null ? lastMethods : methods;
            }
            methods = methods == null ? "GET" : methods;
            for (String method : methods.split("/")) {
                endpoints.add(new Endpoint(method, normalized(path)));
            }
            lastPath = path;
            lastMethods = methods;
        }
        return endpoints;
    }

    /** A path with each variable ({id}, {id:regex}, <id>) written {}, so names do not matter. */
    static String normalized(String path) {
        return VARIABLE.matcher(path).replaceAll("{}");
    }

    private List<List<String>> table(String header) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(header)) {
                return rowsAfter(i);
            }
        }
        return List.of();
    }

    private List<List<String>> rowsAfter(int headerLine) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = headerLine + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(cells(lines.get(i)));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
