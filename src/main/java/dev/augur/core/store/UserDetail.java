package dev.augur.core.store;

import java.util.List;

/** A user with their history in time order (oldest first; rows without a time come first), as the timeline shows. */
public record UserDetail(UserRecord user, List<ItemDetail.UserInteraction> history) {
}
