-- Drives the language server from Neovim's own LSP client (vim.lsp.start_client, Neovim 0.7+), headless.
-- Run by test/editors/neovim.test.ts:
--   nvim --headless --clean -u NONE -c "luafile test/editors/neovim.lua"
-- with WIKITEXT_SERVER (the server script), WIKITEXT_FILE (a copy of the seed), WIKITEXT_OUT (JSON result file).
-- Opens the file, waits for the pushed diagnostics, hovers on a citation, applies the quick fix of the first
-- diagnostic, waits for the diagnostics of the edited text, and writes what it saw as JSON.
local out = {}
local function finish(err)
  if err then out.error = err end
  local f = io.open(os.getenv('WIKITEXT_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('WIKITEXT_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'wikitext'
  local client_id = vim.lsp.start_client({
    name = 'wikitext',
    cmd = { os.getenv('WIKITEXT_NODE') or 'node', os.getenv('WIKITEXT_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(os.getenv('WIKITEXT_FILE'), ':h'),
    -- the same settings as VS Code's (`wikitext.linkBaseUrl` here; the hover shows it)
    init_options = { linkBaseUrl = 'https://simple.wikipedia.org/wiki/' },
  })
  if not client_id then return finish('start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  out.offset_encoding = client.offset_encoding

  -- 1. diagnostics
  local got = vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  if not got then return finish('no diagnostics within 60 s') end
  vim.wait(300) -- nothing more should come
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  out.count = #diags
  out.first = { lnum = diags[1].lnum, col = diags[1].col, end_col = diags[1].end_col, code = diags[1].user_data and diags[1].user_data.lsp and diags[1].user_data.lsp.code, severity = diags[1].severity }
  out.codes = {}
  for _, d in ipairs(diags) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code or '?'
    out.codes[code] = (out.codes[code] or 0) + 1
  end
  out.server_name = client.server_capabilities and client.server_capabilities.hoverProvider and 'hover' or 'none'

  -- 2. hover on the first {{cite web}}: cursor on its name (byte column), position made by Neovim itself
  local line = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  local s = string.find(line, '{{cite web', 1, true)
  vim.api.nvim_win_set_cursor(0, { 1, s + 3 })
  local params = vim.lsp.util.make_position_params()
  local hover = client.request_sync('textDocument/hover', params, 10000, bufnr)
  if hover and hover.result then
    local c = hover.result.contents
    out.hover = type(c) == 'table' and (c.value or vim.fn.json_encode(c)) or tostring(c)
  else
    out.hover_error = hover and hover.err and vim.fn.json_encode(hover.err) or 'no answer'
  end

  -- 3. the quick fix of the first missing access-date, asked for as vim.lsp.buf.code_action() asks (cursor range,
  --    the line's diagnostics in LSP form), applied with Neovim's own workspace-edit code
  local target
  for _, d in ipairs(diags) do
    if d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'cite-missing-access-date' then target = d; break end
  end
  if not target then return finish('no cite-missing-access-date diagnostic') end
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local params = vim.lsp.util.make_range_params()
  local line_diags = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum)
  params.context = { diagnostics = line_diags, only = { 'quickfix' } }
  out.line_diagnostics = #line_diags
  local actions = client.request_sync('textDocument/codeAction', params, 10000, bufnr)
  out.actions = {}
  out.actions_err = actions and actions.err and vim.fn.json_encode(actions.err) or nil
  local chosen
  for _, a in ipairs((actions and actions.result) or {}) do
    table.insert(out.actions, a.title)
    -- the action for the diagnostic under the cursor (Neovim 0.7 sends every diagnostic of the line, their
    -- columns rebuilt from its byte columns; the fix itself comes from the diagnostic's data, in UTF-16)
    if not chosen and a.edit and string.find(a.title, 'Add |access-date=', 1, true) == 1 and a.diagnostics
      and a.diagnostics[1].range.start.character == target.col then chosen = a end
  end
  if not chosen then return finish('no "Add |access-date=" action') end
  out.applied = chosen.title
  local before = #vim.diagnostic.get(bufnr)
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  local edited = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  -- the text around the first diagnostic after the edit (bytes)
  out.fixed_col = target.col
  out.after_fix = string.sub(edited, target.col + 1, target.col + 600)
  out.line_bytes_before = #line
  out.line_bytes_after = #edited
  vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == before - 1 end, 50)
  out.count_after_fix = #vim.diagnostic.get(bufnr)
  vim.lsp.stop_client(client_id)
  finish(nil)
end)
if not ok then finish(tostring(err)) end
