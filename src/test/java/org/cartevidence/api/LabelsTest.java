package org.cartevidence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.cartevidence.cohort.Disease;
import org.cartevidence.outcome.Measure;
import org.cartevidence.study.CellSource;
import org.cartevidence.study.GeneEditing;
import org.cartevidence.study.Phase;
import org.cartevidence.study.SourceType;
import org.cartevidence.study.Target;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void everyCodedValueAReaderSeesHasALabel() {
        List<Class<? extends Enum<?>>> labelled = List.of(Disease.class, Target.class, CellSource.class,
                GeneEditing.class, Phase.class, SourceType.class, Measure.class);
        for (Class<? extends Enum<?>> type : labelled) {
            Stream.of(type.getEnumConstants()).forEach(value -> {
                assertTrue(Labels.has(value), "labels.properties lacks " + type.getSimpleName() + "." + value.name());
                assertTrue(!Labels.of(value).isBlank());
            });
        }
        assertEquals("Donor cells (allogeneic)", Labels.of(CellSource.ALLOGENEIC));
        assertEquals("Idiopathic inflammatory myopathy", Labels.of(Disease.IDIOPATHIC_INFLAMMATORY_MYOPATHY));
        assertEquals("Sjögren's disease", Labels.of(Disease.SJOGRENS_DISEASE), "read as UTF-8");
    }
}
