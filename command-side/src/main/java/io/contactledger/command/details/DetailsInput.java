package io.contactledger.command.details;

/** Details as a client sent them, before normalization; null means "not given". */
public record DetailsInput(String name, String email, String phone, String country, String timezone) {
}
