import { Alert, Button, Group, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { parseCliInputJson } from '../../../../domain/update-request';
import type { ProfileDraft } from '../../utils/profile-draft';
import { draftFromImport } from './draft-json';

export interface ImportExportProps {
  /** The text of the `--cli-input-json` file for the current form values. */
  exportText: () => string;
  /** The file name offered for the download. */
  exportFileName: string;
  /** Whether an imported file may set the name (only when creating). */
  takeName: boolean;
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The text of a chosen file (FileReader: every browser, and test DOMs, have it). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsText(file);
  });
}

/** Export the form as an AWS CLI input file, and import such a file (or a Describe output). */
export function ImportExport({ exportText, exportFileName, takeName }: ImportExportProps) {
  const { getValues, reset, trigger } = useFormContext<ProfileDraft>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      text = await readText(file);
    } catch (error) {
      setMessage({ ok: false, text: `${file.name} could not be read: ${String(error)}` });
      return;
    }
    const parsed = parseCliInputJson(text);
    if (!parsed.ok) {
      setMessage({ ok: false, text: `${file.name} was not imported. ${parsed.error}` });
      return;
    }
    const current = getValues();
    reset(draftFromImport(current, parsed, takeName), { keepDefaultValues: true });
    void trigger();
    const otherName =
      !takeName && parsed.name !== undefined && parsed.name !== current.securityProfileName
        ? ` It was written for profile ${parsed.name}; its settings now apply to ${current.securityProfileName}.`
        : '';
    setMessage({
      ok: true,
      text: `Imported ${file.name}. Review the changes, then save.${otherName}`,
    });
  };

  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => download(exportText(), exportFileName)}
        >
          Export JSON
        </Button>
        <Button
          component="label"
          variant="default"
          leftSection={<IconUpload size={16} aria-hidden />}
        >
          Import JSON
          <VisuallyHidden>
            <input
              type="file"
              accept=".json,application/json"
              onChange={(event) => {
                const input = event.currentTarget;
                void onFile(input.files?.[0]).finally(() => {
                  // The same file can be chosen again after editing it.
                  input.value = '';
                });
              }}
            />
          </VisuallyHidden>
        </Button>
      </Group>
      {message ? (
        <Alert
          color={message.ok ? 'blue' : 'red'}
          variant="light"
          role={message.ok ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setMessage(null)}
        >
          {message.text}
        </Alert>
      ) : null}
    </>
  );
}
