package org.cartevidence.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class SvgTest {

    @Test
    void textAndAttributesFromTheDatabaseAreEscaped() throws Exception {
        String hostile = "<script>alert('x')</script> & \"quoted\" \u0001";
        String svg = new Svg(100, 50, hostile, "text { fill: #000; }")
                .text("text", hostile, "data-title", hostile, "x", 1.25, "y", 10.0)
                .finish();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        String kept = "<script>alert('x')</script> & \"quoted\" ";
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(kept, doc.getElementsByTagName("title").item(0).getTextContent());
        Element text = (Element) doc.getElementsByTagName("text").item(0);
        assertEquals(kept, text.getTextContent());
        assertEquals(kept, text.getAttribute("data-title"));
        assertEquals("1.3", text.getAttribute("x"));
        assertEquals("10", text.getAttribute("y"));
    }
}
