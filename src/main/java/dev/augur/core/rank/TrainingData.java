package dev.augur.core.rank;

/**
 * What a model is fitted on: the training matrix (users × items) and its transpose, side information about the
 * items, a seed and how many threads it may use.
 */
public record TrainingData(Csr train, Csr trainByItem, SideInformation side, long seed, int threads) {

    public static TrainingData of(Split split, SideInformation side, int threads) {
        return new TrainingData(split.train(), split.train().transpose(), side, split.protocol().seed(),
                Math.max(1, threads));
    }

    public int numUsers() {
        return train.rows();
    }

    public int numItems() {
        return train.cols();
    }
}
