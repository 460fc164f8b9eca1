package io.contactledger.query.profile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which copy of the profile read model is live, read from the database on every use: a rebuild
 * switches it in one committed row, so every instance reads the new copy from its next query on.
 */
@Component
public class LiveTables {

    public static final String MODEL = "contact-profiles";

    private final JdbcClient jdbc;

    public LiveTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ProfileTables current() {
        return ProfileTables.of(jdbc.sql("SELECT active FROM read_model_slot WHERE model = ?")
                .param(MODEL).query(String.class).single());
    }
}
