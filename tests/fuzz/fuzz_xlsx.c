/* libFuzzer: the xlsx reader under the loaders, on any bytes. The first byte
 * picks the loader (as in fuzz_csv) and how the rest is taken: as a whole zip
 * archive (bit 7 set), or as the XML of the sheet, the shared strings, the
 * styles and the workbook, separated by "@@", put in an archive with the
 * other parts a workbook has (stored, or deflated when bit 6 is set), so that
 * the fuzzer's changes reach the XML. Errors are fine; crashes, leaks and
 * undefined behaviour are not. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "../../engine/io/loaders.h"
#include "mtfp/memory.h"

static char path[64];

#define MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define OFFICE "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static void add_part(zipFile z, const char *name, const char *text, size_t len, int method)
{
    zip_fileinfo info = {0};
    if (zipOpenNewFileInZip(z, name, &info, NULL, 0, NULL, 0, NULL, method,
                            Z_DEFAULT_COMPRESSION) != ZIP_OK ||
        zipWriteInFileInZip(z, text, (unsigned)len) != ZIP_OK || zipCloseFileInZip(z) != ZIP_OK)
        abort();
}

static void write_parts(const uint8_t *data, size_t size, int method)
{
    static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                        "xl/styles.xml", "xl/workbook.xml"};
    static const char *const defaults[] = {NULL, NULL, NULL,
                                           "<workbook xmlns=\"" MAIN "\" xmlns:r=\"" OFFICE
                                           "\"><sheets><sheet name=\"Revenue\" "
                                           "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"};
    zipFile z = zipOpen(path, APPEND_STATUS_CREATE);
    if (!z)
        abort();
    static const char rels[] = "<Relationships xmlns=\"" RELS "\"><Relationship Id=\"rId1\" "
                               "Type=\"" OFFICE "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                               "</Relationships>";
    static const char book_rels[] =
        "<Relationships xmlns=\"" RELS "\"><Relationship Id=\"rId1\" Type=\"" OFFICE
        "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" OFFICE
        "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"" OFFICE
        "/styles\" Target=\"styles.xml\"/></Relationships>";
    add_part(z, "_rels/.rels", rels, strlen(rels), method);
    add_part(z, "xl/_rels/workbook.xml.rels", book_rels, strlen(book_rels), method);
    const uint8_t *at = data, *end = data + size;
    for (size_t part = 0; part < 4; part++) {
        const uint8_t *next = at;
        while (next + 1 < end && !(next[0] == '@' && next[1] == '@'))
            next++;
        if (next + 1 >= end)
            next = end;
        if (at < end)
            add_part(z, names[part], (const char *)at, (size_t)(next - at), method);
        else if (defaults[part])
            add_part(z, names[part], defaults[part], strlen(defaults[part]), method);
        at = next + 2 <= end ? next + 2 : end;
    }
    if (zipClose(z, NULL) != ZIP_OK)
        abort();
}

/* The revenue file as a ledger export, through a mapping of a cost centre
 * and a range of accounts. */
static mtfp_status load_ledger(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    mtfp_mapping *mapping = &model->mapping;
    mtfp_centre_map centre = {.partner = mtfp_strdup("Council"),
                              .service = mtfp_strdup("Fostering"),
                              .groups = {mtfp_strdup("Looked after")}};
    mtfp_account_map range = {.from = mtfp_strdup("5000"),
                              .to = mtfp_strdup("5999"),
                              .subjective = MTFP_SUBJ_THIRD_PARTY,
                              .provider = MTFP_PROVIDER_PRIVATE};
    int earlier;
    mapping->file = mtfp_strdup("mapping.csv");
    mapping->group_levels = 1;
    mapping->loaded = true;
    if (!mapping->file || mtfp_mapping_add_centre(mapping, "C1", 2, &centre, &earlier) != MTFP_OK ||
        mtfp_mapping_add_account(mapping, &range, &earlier) != MTFP_OK)
        abort();
    return mtfp_load_revenue(model, path, diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/mtfp-fuzz-xlsx-%ld.xlsx", (long)getpid());
    unlink(path);
    if (data[0] & 0x80) {
        FILE *file = fopen(path, "wb");
        if (!file)
            abort();
        fwrite(data + 1, 1, size - 1, file);
        fclose(file);
    } else {
        write_parts(data + 1, size - 1, data[0] & 0x40 ? Z_DEFLATED : 0);
    }
    mtfp_model model;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    if (mtfp_model_init(&model) != MTFP_OK)
        abort();
    model.base_year = 2009;
    static const mtfp_loader loaders[] = {
        mtfp_load_revenue,   mtfp_load_funding,       mtfp_load_capital,
        mtfp_load_paypoints, mtfp_load_establishment, mtfp_load_placements,
        mtfp_load_savings,   mtfp_load_mapping,       load_ledger};
    size_t which = (data[0] & 0x3F) % (sizeof loaders / sizeof *loaders);
    if (which >= 2 && which <= 6) { /* the other parts name the revenue lines' services */
        uint32_t id;
        mtfp_names_intern(&model.partners, "Council", 7, &id);
        mtfp_names_intern(&model.services, "Schools", 7, &id);
        mtfp_revenue_line line = {.subjective = MTFP_SUBJ_EMPLOYEES, .cost_centre = -1};
        mtfp_model_add_line(&model, &line);
        mtfp_model_index_lines(&model);
    }
    loaders[which](&model, path, &diag);
    mtfp_model_free(&model);
    mtfp_diag_free(&diag);
    return 0;
}
