#include "pipeline/number.h"

#include <cmath>

namespace newsie {

Number Number::FromDouble(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9.0e15 && v == std::floor(v)) {
    return Int(static_cast<int64_t>(v));
  }
  return Real(v);
}

}  // namespace newsie
