// The report's inline style sheet and script.
#pragma once

namespace newsie::report {

extern const char* const kReportCss;
extern const char* const kReportJs;

}  // namespace newsie::report
