package dev.augur.core.store;

/** One version of a prompt template saved in the workspace: its JSON body, who saved it and when. */
public record StoredTemplate(String id, int version, String bodyJson, String author, String createdAt) {
}
