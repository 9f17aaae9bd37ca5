package dev.lexis.corpora;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A split of a data set into training, development (validation) and test parts; the lists are unmodifiable and
 * together hold every item once.
 */
public record TrainDevTest<T>(List<T> train, List<T> dev, List<T> test) {
    public TrainDevTest {
        train = Collections.unmodifiableList(new ArrayList<>(train));
        dev = Collections.unmodifiableList(new ArrayList<>(dev));
        test = Collections.unmodifiableList(new ArrayList<>(test));
    }
}
