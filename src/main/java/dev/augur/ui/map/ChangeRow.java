package dev.augur.ui.map;

/** One item of the "Neighbourhood change" list: how differently the two maps place its neighbours (0..1). */
public record ChangeRow(long id, String externalId, String title, float score) {
}
