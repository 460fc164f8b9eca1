package io.contactledger.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API keys of {@code LEDGER_API_KEYS}: comma-separated {@code name=key@workspace:role}, or
 * {@code name=sha256:<hex>@workspace:role} to store only the key's hash. Only hashes are kept in
 * memory; a presented key is hashed and compared with every stored hash in constant time.
 */
public final class ApiKeys {

    private static final Pattern ENTRY = Pattern.compile("([\\x21-\\x7E&&[^=@:,]]{1,128})=([^@\\s]+)@([a-z0-9*][a-z0-9-]{0,62}):([a-z]+)");
    private static final Pattern WORKSPACE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern SHA256 = Pattern.compile("sha256:([0-9a-fA-F]{64})");

    private record Entry(Caller caller, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses the configuration; an empty or malformed one stops start-up with a message naming
     * the bad entry (by position and name, never by its key).
     */
    public static ApiKeys parse(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("LEDGER_API_KEYS is not set: configure at least one key as"
                    + " name=key@workspace:role (see README, 'API keys')");
        }
        List<Entry> entries = new ArrayList<>();
        String[] parts = configured.split(",");
        for (int i = 0; i < parts.length; i++) {
            entries.add(entry(parts[i].strip(), i + 1));
        }
        return new ApiKeys(entries);
    }

    private static Entry entry(String raw, int position) {
        Matcher m = ENTRY.matcher(raw);
        String name = raw.contains("=") ? raw.substring(0, raw.indexOf('=')) : "?";
        String where = "LEDGER_API_KEYS entry " + position + " (" + name + ")";
        if (!m.matches()) {
            throw new IllegalStateException(where + " is malformed: expected name=key@workspace:role");
        }
        Role role;
        try {
            role = Role.parse(m.group(4));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " has an unknown role '" + m.group(4) + "'");
        }
        String workspace = m.group(3);
        if (role == Role.OPERATOR != Caller.ANY_WORKSPACE.equals(workspace)) {
            throw new IllegalStateException(where + ": operator keys, and only they, use the workspace '*'");
        }
        if (role != Role.OPERATOR && !WORKSPACE.matcher(workspace).matches()) {
            throw new IllegalStateException(where + " names an invalid workspace");
        }
        String secret = m.group(2);
        Matcher hashed = SHA256.matcher(secret);
        byte[] hash;
        if (hashed.matches()) {
            hash = HexFormat.of().parseHex(hashed.group(1).toLowerCase());
        } else if (secret.length() < 16) {
            throw new IllegalStateException(where + ": a key must be at least 16 characters");
        } else {
            hash = sha256(secret);
        }
        return new Entry(new Caller(m.group(1), workspace, role), hash);
    }

    /** The caller a presented key belongs to; every stored hash is compared, in constant time each. */
    public Optional<Caller> authenticate(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
