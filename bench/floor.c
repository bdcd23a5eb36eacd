/* The floor: libxlsxwriter writing ROWS rows of STRINGS text cells and
 * NUMBERS numeric cells, in constant-memory mode, and nothing else. mtfp's
 * pack cannot be written faster than this; bench/run.sh reports mtfp's time
 * as a ratio to it.
 *
 *     bench_floor OUT.xlsx ROWS STRINGS NUMBERS */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: bench_floor OUT.xlsx ROWS STRINGS NUMBERS\n");
        return 2;
    }
    long rows = atol(argv[2]), strings = atol(argv[3]), numbers = atol(argv[4]);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[1], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, NULL);
    lxw_format *money = workbook_add_format(workbook);
    format_set_num_format(money, "#,##0.00_);(#,##0.00);\"-\"??_)");
    for (long r = 0; r < rows; r++) {
        lxw_row_t row = (lxw_row_t)(r % 1000000);
        for (long c = 0; c < strings; c++)
            worksheet_write_string(sheet, row, (lxw_col_t)c, "Service", NULL);
        for (long c = 0; c < numbers; c++)
            worksheet_write_number(sheet, row, (lxw_col_t)(strings + c),
                                   (double)(r * 131 + c * 7919) / 100.0, money);
        if (row == 999999 && r + 1 < rows)
            sheet = workbook_add_worksheet(workbook, NULL);
    }
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
