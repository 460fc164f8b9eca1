package io.contactledger.support.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The README's configuration table names exactly the LEDGER_* variables the two applications read. */
class ConfigurationTableTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void everyVariableTheApplicationsReadIsInTheTableAndNoOther() throws Exception {
        Set<String> read = new TreeSet<>();
        for (String config : new String[] {"command-side/src/main/resources/command-side.yml",
                "query-side/src/main/resources/query-side.yml"}) {
            read.addAll(find("\\$\\{(LEDGER_[A-Z_]+)", Files.readString(ROOT.resolve(config))));
        }
        String readme = Files.readString(ROOT.resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Architecture"));
        Set<String> documented = find("^\\| `(LEDGER_[A-Z_]+)`(?: / `(LEDGER_[A-Z_]+)`)?", table);

        assertThat(documented).isEqualTo(read);
    }

    private static Set<String> find(String regex, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    names.add(matcher.group(group));
                }
            }
        }
        return names;
    }
}
