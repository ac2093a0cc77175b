package org.yousaid.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * The tagged-PDF bookkeeping of a PDF/UA-1 document, so the layout code only says what each piece
 * of content is: a structure tree under one {@code Document} element; every piece of content drawn
 * inside marked content with an MCID that the page's entry in the parent tree maps back to its
 * structure element, or marked as an artifact (page headers and footers, rules, cell shading); and,
 * on {@link #finish}, the catalog entries PDF/UA asks for (language, MarkInfo, DisplayDocTitle) and
 * XMP metadata with the title and the {@code pdfuaid:part} 1 claim.
 */
final class TaggedPdf {

  static final String PDFUA_NAMESPACE = "http://www.aiim.org/pdfua/ns/id/";

  final PDDocument doc;
  final PDStructureElement document;
  private final PDStructureTreeRoot root = new PDStructureTreeRoot();

  /** Per page (by its StructParents key): the structure element of each MCID, in MCID order. */
  private final List<COSArray> parents = new ArrayList<>();

  private final Map<PDStructureElement, PDPage> firstPage = new HashMap<>();
  private PDPage page;
  private PDPageContentStream cs;

  TaggedPdf(PDDocument doc) {
    this.doc = doc;
    doc.getDocumentCatalog().setStructureTreeRoot(root);
    document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
    root.appendKid(document);
  }

  /** Closes the current page's content and starts a new page; returns its content stream. */
  PDPageContentStream newPage(PDRectangle size) throws IOException {
    closePage();
    page = new PDPage(size);
    // tab order follows the structure tree (PDF/UA 7.18.3)
    page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
    page.setStructParents(parents.size());
    parents.add(new COSArray());
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    return cs;
  }

  PDPageContentStream content() {
    return cs;
  }

  /** A new structure element of {@code type}, the last child of {@code parent}. */
  PDStructureElement element(PDStructureNode parent, String type) {
    PDStructureElement e = new PDStructureElement(type, parent);
    parent.appendKid(e);
    return e;
  }

  /**
   * Starts marked content that belongs to {@code element}; what is drawn until {@link #end} is that
   * element's content on this page.
   */
  void begin(PDStructureElement element) throws IOException {
    COSArray onPage = parents.get(page.getStructParents());
    int mcid = onPage.size();
    onPage.add(element);
    PDPage first = firstPage.computeIfAbsent(element, e -> page);
    if (first == page) {
      element.setPage(page);
      element.appendKid(mcid);
    } else {
      // content continued on a later page names its page
      PDMarkedContentReference ref = new PDMarkedContentReference();
      ref.setPage(page);
      ref.setMCID(mcid);
      element.appendKid(ref);
    }
    cs.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
  }

  /** Starts content that is not part of the document's text: a rule, shading, a page number. */
  void beginArtifact() throws IOException {
    cs.beginMarkedContent(COSName.ARTIFACT);
  }

  /** Starts a running page header or footer (a pagination artifact). */
  void beginPagination(String subtype) throws IOException {
    COSDictionary props = new COSDictionary();
    props.setName(COSName.TYPE, "Pagination");
    props.setName(COSName.SUBTYPE, subtype);
    cs.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(props));
  }

  void end() throws IOException {
    cs.endMarkedContent();
  }

  private void closePage() throws IOException {
    if (cs != null) {
      cs.close();
      cs = null;
    }
  }

  /** Closes the last page and writes the parent tree, catalog entries and XMP metadata. */
  void finish(String title, String author, String language) throws IOException {
    closePage();
    Map<Integer, COSObjectable> byPage = new HashMap<>();
    for (int i = 0; i < parents.size(); i++) {
      byPage.put(i, parents.get(i));
    }
    PDNumberTreeNode parentTree = new PDNumberTreeNode(COSObjectable.class);
    parentTree.setNumbers(byPage);
    root.setParentTree(parentTree);
    root.setParentTreeNextKey(parents.size());

    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    catalog.setLanguage(language);
    PDMarkInfo mark = new PDMarkInfo();
    mark.setMarked(true);
    catalog.setMarkInfo(mark);
    PDViewerPreferences viewer = new PDViewerPreferences(new COSDictionary());
    viewer.setDisplayDocTitle(true);
    catalog.setViewerPreferences(viewer);
    doc.getDocumentInformation().setTitle(title);
    doc.getDocumentInformation().setAuthor(author);
    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(xmp(title, author));
    catalog.setMetadata(metadata);
  }

  private static byte[] xmp(String title, String author) throws IOException {
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(title);
    dc.addCreator(author);
    XMPSchema pdfua = new XMPSchema(xmp, PDFUA_NAMESPACE, "pdfuaid");
    pdfua.setIntegerPropertyValue("part", 1);
    xmp.addSchema(pdfua);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new XmpSerializer().serialize(xmp, out, true);
    } catch (TransformerException e) {
      throw new IOException("could not write the XMP metadata", e);
    }
    return out.toByteArray();
  }
}
