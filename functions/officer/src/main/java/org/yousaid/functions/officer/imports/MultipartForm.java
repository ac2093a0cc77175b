package org.yousaid.functions.officer.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.yousaid.functions.common.http.Request;
import org.yousaid.shared.submission.ProblemException;

/**
 * A {@code multipart/form-data} post (a form with a file input), read with Apache Commons
 * FileUpload from the body API Gateway hands over: its text fields and at most one file, in memory
 * (the body is at most a few megabytes).
 */
public final class MultipartForm {

  /** The uploaded file: its name as the browser gave it, and its bytes. */
  public record UploadedFile(String name, byte[] bytes) {}

  private final Map<String, String> fields;
  private final UploadedFile file;

  private MultipartForm(Map<String, String> fields, UploadedFile file) {
    this.fields = fields;
    this.file = file;
  }

  public static boolean isMultipart(Request request) {
    return request.mediaType().equals("multipart/form-data");
  }

  /** The form in the request; 413 over {@code maxBytes}, 400 if it cannot be read. */
  public static MultipartForm parse(Request request, int maxBytes) {
    byte[] body = request.bodyBytes();
    if (body.length > maxBytes) {
      throw ProblemException.tooLarge(
          "The file is too big. The most we accept is "
              + maxBytes / (1024 * 1024)
              + " MB: split it into smaller files.");
    }
    String contentType = request.header("content-type").orElse("");
    RequestContext context =
        new RequestContext() {
          @Override
          public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
          }

          @Override
          public long getContentLength() {
            return body.length;
          }

          @Override
          public String getContentType() {
            return contentType;
          }

          @Override
          public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
          }

          @Override
          public boolean isMultipartRelated() {
            return false;
          }
        };
    Map<String, String> fields = new HashMap<>();
    UploadedFile file = null;
    try {
      FileItemInputIterator items = new Upload().getItemIterator(context);
      while (items.hasNext()) {
        FileItemInput item = items.next();
        try (InputStream in = item.getInputStream()) {
          byte[] bytes = in.readAllBytes();
          if (item.isFormField()) {
            fields.putIfAbsent(item.getFieldName(), new String(bytes, StandardCharsets.UTF_8));
          } else if (file == null && item.getName() != null && !item.getName().isBlank()) {
            file = new UploadedFile(baseName(item.getName()), bytes);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw ProblemException.badRequest("The form could not be read. Go back and try again.");
    }
    return new MultipartForm(fields, file);
  }

  public String field(String name) {
    return fields.get(name);
  }

  public Map<String, String> fields() {
    return fields;
  }

  public Optional<UploadedFile> file() {
    return Optional.ofNullable(file);
  }

  /** Browsers once sent the whole path ("C:\\Users\\…\\answers.csv"); only the name is kept. */
  private static String baseName(String name) {
    String n = name.replace('\\', '/');
    return n.substring(n.lastIndexOf('/') + 1);
  }

  /** FileUpload's streaming parser, used only through its {@link RequestContext} entry points. */
  private static final class Upload
      extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {
    @Override
    public FileItemInputIterator getItemIterator(RequestContext request)
        throws FileUploadException, IOException {
      return super.getItemIterator(request);
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(RequestContext request)
        throws FileUploadException {
      return super.parseParameterMap(request);
    }

    @Override
    public List<DiskFileItem> parseRequest(RequestContext request) throws FileUploadException {
      return super.parseRequest(request);
    }
  }
}
