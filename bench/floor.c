/* The floor: libxlsxwriter writing STRINGS text cells and NUMBERS numeric
 * cells, in constant-memory mode, fourteen to a row, and nothing else: no
 * formulas, no formats but one, no charts. bench/run.sh counts the cells of
 * mtfp's pack (every sheet) and times mtfp against the floor for as many; a
 * pack cannot be written faster.
 *
 *     bench_floor OUT.xlsx STRINGS NUMBERS */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

enum { COLUMNS = 14, ROWS_PER_SHEET = 1000000 };

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bench_floor OUT.xlsx STRINGS NUMBERS\n");
        return 2;
    }
    long long strings = atoll(argv[2]), numbers = atoll(argv[3]), cells = strings + numbers;
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[1], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, NULL);
    lxw_format *money = workbook_add_format(workbook);
    format_set_num_format(money, "#,##0.00_);(#,##0.00);\"-\"??_)");
    for (long long i = 0; i < cells; i++) {
        long long r = i / COLUMNS;
        lxw_row_t row = (lxw_row_t)(r % ROWS_PER_SHEET);
        lxw_col_t col = (lxw_col_t)(i % COLUMNS);
        if (row == 0 && col == 0 && r > 0)
            sheet = workbook_add_worksheet(workbook, NULL);
        /* The strings spread evenly among the cells. */
        if (i * strings / cells != (i + 1) * strings / cells)
            worksheet_write_string(sheet, row, col, "Service", NULL);
        else
            worksheet_write_number(sheet, row, col, (double)(r * 131 + col * 7919) / 100.0, money);
    }
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
