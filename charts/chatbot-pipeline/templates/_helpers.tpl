{{- define "chatbot.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "chatbot.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "chatbot.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "chatbot.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "chatbot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default (include "chatbot.fullname" .) -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{- define "chatbot.secretName" -}}
{{- .Values.existingSecret | default (printf "%s-secrets" (include "chatbot.fullname" .)) -}}
{{- end -}}

{{/* The container every host shares: image, configuration, port and the health probes. */}}
{{- define "chatbot.container" -}}
- name: {{ .name }}
  image: {{ include "chatbot.image" .root }}
  imagePullPolicy: {{ .root.Values.image.pullPolicy }}
  workingDir: /app/{{ .host }}
  command: ["dotnet", "/app/{{ .host }}/ChatbotPipeline.{{ .assembly }}.dll"]
  envFrom:
    - configMapRef:
        name: {{ include "chatbot.fullname" .root }}-config
    - secretRef:
        name: {{ include "chatbot.secretName" .root }}
  {{- with .env }}
  env:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  ports:
    - name: http
      containerPort: 8080
      protocol: TCP
  livenessProbe:
    httpGet: { path: /health/live, port: http }
    periodSeconds: 10
    failureThreshold: 3
  readinessProbe:
    httpGet: { path: /health/ready, port: http }
    periodSeconds: 5
    failureThreshold: 3
  startupProbe:
    # A cold start (JIT, connecting to every backend) may take a while; liveness checks begin after it.
    httpGet: { path: /health/live, port: http }
    periodSeconds: 5
    failureThreshold: 60
  resources:
    {{- toYaml .resources | nindent 4 }}
  securityContext:
    allowPrivilegeEscalation: false
    runAsNonRoot: true
    readOnlyRootFilesystem: false
{{- end -}}

{{- /* A KEDA trigger on one queue's depth: RabbitMQ queue length, or SQS ApproximateNumberOfMessages by queue URL. */}}
{{- define "chatbot.queueTrigger" -}}
{{- if eq .root.Values.keda.trigger "rabbitmq" -}}
- type: rabbitmq
  authenticationRef:
    name: {{ include "chatbot.fullname" .root }}-keda
  metadata:
    protocol: amqp
    mode: QueueLength
    queueName: {{ .queue }}
    value: {{ .messages | quote }}
{{- else -}}
{{- $config := .root.Values.config }}
{{- $region := $config.Bus__AmazonSqs__Region | default "us-east-1" }}
{{- $suffix := ternary ".fifo" "" (eq (toString $config.Bus__AmazonSqs__UseFifo) "true") -}}
- type: aws-sqs-queue
  authenticationRef:
    name: {{ include "chatbot.fullname" .root }}-keda
  metadata:
    queueURL: {{ printf "https://sqs.%s.amazonaws.com/%s/%s%s%s" $region (required "keda.aws.accountId names the AWS account of the queues" .root.Values.keda.aws.accountId | toString) ($config.Bus__AmazonSqs__QueueNamePrefix | default "") .queue $suffix | quote }}
    queueLength: {{ .messages | quote }}
    awsRegion: {{ $region | quote }}
{{- end -}}
{{- end -}}
