package org.mldgbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mldgbench.core.hparams.HParamSpace;
import org.mldgbench.core.hparams.HParams;

class HParamsTest {

    private final HParamSpace space = Mldg.SECOND_ORDER.hparams();

    @Test
    void defaultsAreTrialZeroAndValid() {
        HParams d = space.trial("synthetic", 0);
        assertEquals(space.defaults(), d);
        assertEquals(0.5, d.real(Mldg.ALPHA));
        assertEquals(1.0, d.real(Mldg.BETA));
        assertEquals(1, d.integer(Mldg.META_TEST_DOMAINS));
        assertEquals("sgd", d.text("optimizer"));
        space.validate(d);
    }

    @Test
    void randomDrawsAreStableDistinctAndInRange() {
        HParams a = space.trial("synthetic", 3);
        assertEquals(a, space.trial("synthetic", 3), "same (algorithm, dataset, trial) ⇒ same draw");
        assertNotEquals(a, space.trial("synthetic", 4));
        assertNotEquals(a, space.trial("debug", 3));
        assertNotEquals(a, Mldg.FIRST_ORDER.hparams().trial("synthetic", 3), "the algorithm name is part of the seed");
        for (int t = 1; t <= 50; t++) {
            HParams h = space.validate(space.trial("synthetic", t));
            assertTrue(h.real("lr") >= 0.005 && h.real("lr") <= 0.2, "lr " + h.real("lr"));
            assertTrue(h.real(Mldg.ALPHA) >= 0.01 && h.real(Mldg.ALPHA) <= 1.0);
        }
    }

    @Test
    void invalidValuesNameTheParameterAndRange() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> space.override(space.defaults(), Map.of("lr", -1.0)));
        assertEquals("hyper-parameter 'lr' of algorithm 'mldg-so' must be in (0, 10], got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> space.override(space.defaults(), Map.of("optimizer", "rmsprop")));
        assertEquals("hyper-parameter 'optimizer' of algorithm 'mldg-so' must be one of [sgd, adam], got rmsprop", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> space.override(space.defaults(), Map.of("meta_test_domains", 1.5)));
        assertTrue(e.getMessage().contains("must be an integer in [1, 1000], got 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> space.override(space.defaults(), Map.of("gamma", 1.0)));
        assertTrue(e.getMessage().startsWith("algorithm 'mldg-so' has no hyper-parameter 'gamma'; valid: [optimizer, lr"), e.getMessage());
    }

    @Test
    void mldgNeedsTwoSourcesAndFewerMetaTestDomainsThanSources() {
        var one = Fixtures.setup(Fixtures.smallMlp(), 1, space.defaults(), 1, DataType.FLOAT32);
        var e = assertThrows(IllegalArgumentException.class, () -> Mldg.SECOND_ORDER.factory().create(one));
        assertEquals("mldg-so needs at least 2 source domains (one meta-train, one meta-test), got 1", e.getMessage());
        var tooMany = Fixtures.setup(Fixtures.smallMlp(), 3,
                space.override(space.defaults(), Map.of(Mldg.META_TEST_DOMAINS, 3)), 1, DataType.FLOAT32);
        e = assertThrows(IllegalArgumentException.class, () -> Mldg.FIRST_ORDER.factory().create(tooMany));
        assertEquals("hyper-parameter 'meta_test_domains' of algorithm 'mldg-fo' must be in [1, 2] "
                + "(fewer than the 3 source domains), got 3", e.getMessage());
    }

    @Test
    void adamIsAvailable() {
        var adam = space.override(space.defaults(), Map.of("optimizer", "adam", "lr", 0.001));
        try (Algorithm a = Mldg.SECOND_ORDER.factory().create(Fixtures.setup(Fixtures.smallMlp(), 3, adam, 1, DataType.FLOAT32))) {
            double[] before = a.parameters().flatten();
            a.update(Fixtures.batches(Fixtures.smallMlp(), 3, 4, 1));
            assertNotEquals(before[0], a.parameters().flatten()[0]);
        }
    }
}
