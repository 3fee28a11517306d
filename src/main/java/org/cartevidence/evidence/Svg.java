package org.cartevidence.evidence;

import java.io.StringWriter;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small SVG document writer over the JDK's {@link XMLStreamWriter}, which escapes every text and attribute value:
 * titles and labels come from the database. Attributes are given as name, value pairs; numbers print with one
 * decimal at most.
 */
final class Svg {

    static final String MEDIA_TYPE = "image/svg+xml";
    private static final String NAMESPACE = "http://www.w3.org/2000/svg";
    /** The JDK's own writer, whatever StAX implementation a library brings onto the class path: the same bytes. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    /** Characters XML 1.0 cannot carry at all, escaped or not. */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\t\\n\\r\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter xml;

    @FunctionalInterface
    private interface Write {
        void run() throws XMLStreamException;
    }

    Svg(double width, double height, String title, String css) {
        try {
            xml = FACTORY.createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        write(() -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "svg");
            xml.writeDefaultNamespace(NAMESPACE);
        });
        attributes("width", width, "height", height, "viewBox", "0 0 " + number(width) + " " + number(height),
                "role", "img");
        text("title", title);
        text("style", css);
        empty("rect", "width", width, "height", height, "fill", "#fff");
    }

    /** Opens an element that {@link #close()} ends. */
    Svg open(String name, Object... attributes) {
        write(() -> xml.writeStartElement(name));
        return attributes(attributes);
    }

    Svg close() {
        write(xml::writeEndElement);
        return this;
    }

    /** An element without content: a line, rectangle or polygon. */
    Svg empty(String name, Object... attributes) {
        write(() -> xml.writeEmptyElement(name));
        return attributes(attributes);
    }

    /** An element whose content is {@code content} as text, e.g. a {@code text} or {@code title}. */
    Svg text(String name, String content, Object... attributes) {
        open(name, attributes);
        write(() -> xml.writeCharacters(clean(content)));
        return close();
    }

    String finish() {
        write(xml::writeEndDocument);
        write(xml::close);
        return out.toString();
    }

    private Svg attributes(Object... nameValuePairs) {
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String name = (String) nameValuePairs[i];
            Object value = nameValuePairs[i + 1];
            String text = value instanceof Double d ? number(d) : clean(String.valueOf(value));
            write(() -> xml.writeAttribute(name, text));
        }
        return this;
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private static String clean(String text) {
        return NOT_XML.matcher(text).replaceAll("");
    }

    private void write(Write step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing SVG to a string failed", e);
        }
    }
}
