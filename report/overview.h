// overview: the corpus at a glance. Per government and year, job targets
// against achievements (a table and an SVG bar chart drawn here), award
// counts per government, and the documents that failed or carry warnings.
#pragma once

#include <string>
#include <vector>

#include "report/report.h"

namespace newsie::report {

std::string RenderOverview(const std::vector<ReportDocument>& documents);

}  // namespace newsie::report
