package dev.augur.ui.rankings;

import dev.augur.core.rank.ctr.CtrFeatures;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One LLM-derived feature group of the CTR tab: whether the next comparison adds it, whether the dataset has what
 * it needs, what it adds, and how to create its input when the dataset lacks it.
 */
public record CtrFeatureChoice(CtrFeatures.Group group, BooleanProperty selected, BooleanProperty available,
                               String description, String howToCreate) {
    public CtrFeatureChoice(CtrFeatures.Group group, String description, String howToCreate) {
        this(group, new SimpleBooleanProperty(false), new SimpleBooleanProperty(false), description, howToCreate);
    }

    public String name() {
        return group.text();
    }
}
