package dev.lexis.corpora;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One fold of a k-fold cross-validation: {@code test} is the fold's share, {@code train} all other items; both keep
 * the order of the original list and are unmodifiable.
 *
 * @param index the fold, 0-based
 */
public record Fold<T>(int index, List<T> train, List<T> test) {
    public Fold {
        train = Collections.unmodifiableList(new ArrayList<>(train));
        test = Collections.unmodifiableList(new ArrayList<>(test));
    }
}
