package io.contactledger.command.contact;

import java.util.List;
import java.util.Map;

import io.contactledger.events.ContactMerged;
import io.swagger.v3.oas.annotations.media.Schema;
import io.contactledger.events.ContactType;
import io.contactledger.events.MergedNote;

/**
 * The survivor as a merge would leave it (DESIGN §9: preview records nothing), and what it would
 * take. Notes are the survivor's own ids and texts and the copies; their times are the originals'.
 */
public record MergePreview(String contactId, ContactType type, @Schema(types = {"string", "null"}) String name,
        @Schema(types = {"string", "null"}) String email, @Schema(types = {"string", "null"}) String phone,
        @Schema(types = {"string", "null"}) String country, @Schema(types = {"string", "null"}) String timezone,
        @Schema(types = {"string", "null"}) String customerId, List<String> tags, Map<String, String> customFields,
        List<MergedNote> notes, ContactMerged taken) {
}
