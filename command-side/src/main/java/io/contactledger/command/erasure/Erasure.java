package io.contactledger.command.erasure;

import java.util.List;

/** What an erasure answers: the contacts now erased (the one asked for first), and whether any was newly. */
public record Erasure(String contactId, boolean erased, List<String> contacts) {
}
