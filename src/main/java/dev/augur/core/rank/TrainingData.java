package dev.augur.core.rank;

import dev.augur.core.rank.models.TrainingHistory;

/**
 * What a model is fitted on: the training matrix (users × items) and its transpose, side information about the
 * items, a seed, how many threads it may use, and each user's training items in time order ({@code history}; null
 * when unknown), which recency-aware models (content, the LLM re-ranker's prompt) read.
 */
public record TrainingData(Csr train, Csr trainByItem, SideInformation side, long seed, int threads,
                           TrainingHistory history) {

    /** Without time order. */
    public TrainingData(Csr train, Csr trainByItem, SideInformation side, long seed, int threads) {
        this(train, trainByItem, side, seed, threads, null);
    }

    public static TrainingData of(Split split, SideInformation side, int threads) {
        return new TrainingData(split.train(), split.train().transpose(), side, split.protocol().seed(),
                Math.max(1, threads), TrainingHistory.of(split));
    }

    public int numUsers() {
        return train.rows();
    }

    public int numItems() {
        return train.cols();
    }
}
