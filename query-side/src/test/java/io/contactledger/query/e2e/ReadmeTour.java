package io.contactledger.query.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's quick tour as a script: every {@code bash} block after a {@code <!-- readme-tour -->}
 * marker, in order, each line as written. Only the ports change (a test instance listens where it
 * can) and {@code curl} is wrapped to compare each answer's status with the one the line states
 * ({@code # → 201}); a curl line that states none fails the tour.
 */
final class ReadmeTour {

    private static final Pattern STATED = Pattern.compile("#\\s*→\\s*(\\d{3})");

    private ReadmeTour() {
    }

    static String script(Path readme, int commandPort, int queryPort, Path failures) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        StringBuilder script = new StringBuilder("""
                set -u
                curl() {
                  local out code
                  out=$(command curl -s -w '\\n%{http_code}' "$@") || { echo "line $TOUR_LINE: curl failed" >> "$TOUR_FAILURES"; return 1; }
                  code=${out##*$'\\n'}
                  printf '%s\\n' "${out%$'\\n'*}"
                  if [ "$code" != "$TOUR_EXPECT" ]; then
                    echo "README line $TOUR_LINE: expected $TOUR_EXPECT, got $code: ${out%$'\\n'*}" >> "$TOUR_FAILURES"
                  fi
                }
                """);
        script.append("TOUR_FAILURES='").append(failures).append("'\n");
        List<String> missing = new ArrayList<>();
        boolean marked = false;
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals("<!-- readme-tour -->")) {
                marked = true;
            } else if (marked && !inBlock && line.startsWith("```bash")) {
                inBlock = true;
            } else if (inBlock && line.startsWith("```")) {
                inBlock = false;
                marked = false;
            } else if (inBlock) {
                if (line.contains("curl ")) {
                    Matcher stated = STATED.matcher(line);
                    if (!stated.find()) {
                        missing.add("README line " + (i + 1) + " states no status: " + line);
                    }
                    script.append("TOUR_LINE=").append(i + 1).append("; TOUR_EXPECT=")
                            .append(stated.find(0) ? stated.group(1) : "none").append('\n');
                }
                script.append(line.replace("localhost:8081", "localhost:" + commandPort)
                        .replace("localhost:8082", "localhost:" + queryPort)).append('\n');
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join("\n", missing));
        }
        return script.toString();
    }
}
