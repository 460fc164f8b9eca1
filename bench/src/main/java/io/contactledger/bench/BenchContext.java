package io.contactledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** What every phase of one benchmark run shares: its arguments, its results and errors, its schemas. */
record BenchContext(Map<String, String> args, boolean quick, Map<String, Object> results, Errors errors,
        String schemaUrl, String rawUrl) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String WS = "/api/v1/workspaces/bench";

    int clients() {
        return quick ? 8 : 16;
    }

    int seconds(int quickSeconds, int fullSeconds) {
        return quick ? quickSeconds : fullSeconds;
    }

    Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, args.get("user"), args.getOrDefault("password", ""));
    }
}
