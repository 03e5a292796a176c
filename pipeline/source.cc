#include "pipeline/source.h"

#include <openssl/evp.h>

namespace newsie {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

Document NewDocument(Input input, const std::optional<std::string>& forced_ref_date,
                     const std::optional<std::string>& forced_encoding) {
  Document doc;
  doc.source.path = input.path;
  doc.source.bytes = static_cast<int64_t>(input.bytes.size());
  doc.source.sha256 = Sha256Hex(input.bytes);
  doc.source.url = input.url;
  doc.source.title = input.title;
  if (forced_ref_date) {
    input.date = forced_ref_date;
    input.date_given = true;
  }
  if (forced_encoding) input.encoding = forced_encoding;
  if (input.sidecar_error) {
    doc.AddDiagnostic("warning", "bad-sidecar", *input.sidecar_error + " (ignored)");
  }
  doc.input = std::move(input);
  return doc;
}

}  // namespace newsie
