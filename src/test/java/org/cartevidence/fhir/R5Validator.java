package org.cartevidence.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The official FHIR validator (the core InstanceValidator that HAPI's FhirInstanceValidator wraps) over the R5 base
 * profiles, the HL7 terminology (THO) and the R5 extensions packaged by hapi-fhir-validation-resources-r5.
 * <p>
 * Offline: the packages come from the test classpath and no terminology server is configured, so codes are checked
 * against the code systems in those packages; SNOMED CT, which they do not hold, is not checked.
 * <p>
 * The validator served here (6.7) is built on an older FHIR core than HAPI 8.12's R5 model (6.9), and fails against
 * the newer one. The pom copies it with its own core to target/fhir-validator; a class loader that looks there first
 * for org.hl7.fhir classes runs it, so that the service under test keeps the model it ships with.
 */
final class R5Validator {

    private static final Path JARS = Path.of("target", "fhir-validator");
    private static R5Validator instance;

    private final Object validator;

    private R5Validator() throws ReflectiveOperationException, IOException {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(JARS)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        urls.add(testClasses());
        ClassLoader loader = new ValidatorFirst(urls.toArray(URL[]::new), R5Validator.class.getClassLoader());
        validator = loader.loadClass(IsolatedValidator.class.getName()).getConstructor().newInstance();
    }

    static synchronized R5Validator get() {
        if (instance == null) {
            try {
                instance = new R5Validator();
            } catch (ReflectiveOperationException | IOException e) {
                throw new IllegalStateException("the FHIR validator could not be loaded from " + JARS, e);
            }
        }
        return instance;
    }

    /**
     * Every message the validator has about this FHIR JSON, as "LEVEL|location|message|message id"; references are
     * resolved by {@code resolve} (a URL to the FHIR JSON there, or null).
     */
    @SuppressWarnings("unchecked")
    List<String> validate(String json, Function<String, String> resolve) {
        try {
            return (List<String>) validator.getClass().getMethod("validate", String.class, Function.class)
                    .invoke(validator, json, resolve);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the validator failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL testClasses() throws MalformedURLException {
        try {
            return Path.of(IsolatedValidator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toUri().toURL();
        } catch (java.net.URISyntaxException e) {
            throw new MalformedURLException(e.getMessage());
        }
    }

    /** Child-first for the FHIR core and the validator's side; everything else from the tests' class path. */
    private static final class ValidatorFirst extends URLClassLoader {

        ValidatorFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.hl7.fhir.") && !name.startsWith(IsolatedValidator.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
