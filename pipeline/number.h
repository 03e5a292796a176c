// Number: an exact value as read from text.
//
// Counts and money stay exact integers (274500000000 must not become a
// float); decimals such as 66.9 keep the digits they were written with. The
// JSON writer emits an integer when `integral`, else the shortest double that
// round-trips (`87.4`, not `87.40000001`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace newsie {

struct Number {
  bool integral = true;
  int64_t integer = 0;  // valid when integral
  double real = 0;      // always valid (== integer when integral)

  static Number Int(int64_t v) { return {true, v, static_cast<double>(v)}; }
  static Number Real(double v) { return {false, 0, v}; }
  // An integer-valued real (138.0) becomes integral.
  static Number FromDouble(double v);

  bool operator==(const Number& o) const {
    return integral == o.integral && (integral ? integer == o.integer : real == o.real);
  }
};

}  // namespace newsie
